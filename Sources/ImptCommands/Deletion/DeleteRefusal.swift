import ImpCentral

/// Help for the service's refusals to delete something, recognised by the status (409)
/// and the title of its error document (`Devices Assigned`, `Dependent Devicegroups
/// Exist`…), which the service sends whatever the wording of its detail.
enum DeleteRefusal {
  /// The help lines for `error`, a refusal to delete; none for other errors.
  ///
  /// `force` says whether `--force` was given: then it is not suggested again.
  static func help(_ error: ImpCentralError, force: Bool) -> [String] {
    guard error.status == 409 else { return [] }
    let titles = Set(error.errors.compactMap(\.title))
    return rules.filter { rule in
      titles.contains(rule.title) && !(force && rule.forceHelps)
    }.map(\.help)
  }

  /// One refusal the service may send, and what to do about it.
  private struct Rule {
    let title: String
    /// Whether `--force` removes the cause, so the help only applies without it.
    let forceHelps: Bool
    let help: String
  }

  private static let rules = [
    Rule(
      title: "Devices Assigned", forceHelps: true,
      help: "Add --force to unassign its devices and unflag its builds first."),
    Rule(
      title: "Flagged Deployments Exist", forceHelps: true,
      help: "Add --force to unflag its builds and unassign its devices first."),
    Rule(
      title: "Dependent Devicegroups Exist", forceHelps: true,
      help: "Add --force to delete its device groups too, unassigning their devices and "
        + "unflagging their builds."),
    Rule(
      title: "Devicegroup Is A Target", forceHelps: false,
      help: "Delete the factory device group that targets it first, or point that group's "
        + "--target or --dut at another group with 'dg update'."),
    Rule(
      title: "Resource Flagged", forceHelps: true,
      help: "Add --force to unflag it first."),
  ]

  /// The user-facing error for a refusal, with its help lines.
  static func error(_ error: ImpCentralError, force: Bool) -> CommandError {
    var refusal = CommandError(apiError: error)
    refusal.help += help(error, force: force)
    return refusal
  }
}
