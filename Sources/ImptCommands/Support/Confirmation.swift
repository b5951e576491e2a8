import ImptLanguage

/// Asks before a destructive command changes anything.
///
/// `--confirmed` and dry runs skip the question; a terminal gets the summary and a yes-or-no
/// question; without a terminal the command refuses rather than hang or assume yes.
enum Confirmation {
  /// Returns when the command may go ahead; throws when it may not.
  static func require(
    _ services: any CommandServices, _ arguments: Arguments,
    summary: [String], question: String = "Go ahead?"
  ) async throws {
    if arguments.flag("confirmed") || services.isDryRun { return }
    guard services.interaction.isInteractive else {
      throw CommandError.needsConfirmation(arguments.command)
    }
    guard await services.interaction.confirm(summary: summary, question: question) else {
      throw CommandError.cancelled
    }
  }
}
