import ImpCentral
import ImptLanguage

/// `build cleanup`: deletes zombie builds, those whose device group is gone.
struct BuildCleanup {
  let services: any CommandServices

  /// Finds the zombies (of `--product`, if given), then deletes them after confirmation;
  /// returns the builds it deleted, or null when there were none (the note says so).
  func run(_ arguments: Arguments) async throws -> Value {
    let product = try await arguments.identifier("product")
      .asyncMap(Resolver(client: services.client).product)
    let zombies = try await services.client
      .deployments(DeploymentFilter(productID: product?.id))
      .filter(\.isZombie)
    let unflag = arguments.flag("unflag")
    let chosen = unflag ? zombies : zombies.filter { !$0.flagged }
    let kept = zombies.count - chosen.count
    if kept > 0 {
      services.note(
        "kept \(DeleteEngine.count(kept, "flagged build")) without a device group; "
          + "add --unflag to delete them too")
    }
    guard !chosen.isEmpty else {
      services.note("there are no builds without a device group to delete")
      return .null
    }
    let plan = DeletePlan(unflag: chosen.filter(\.flagged), deployments: chosen)
    try await DeleteEngine(services: services).run(plan, arguments)
    return EntityValues.list(chosen)
  }
}
