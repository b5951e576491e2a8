import Foundation
import ImpCentral
import ImptLanguage

/// `dg builds`: unflags and removes a group's old builds, then lists what is left.
///
/// Every change is worked out first and asked about once, with a summary of the builds
/// to unflag and the builds to delete; a refusal changes nothing.
struct BuildHousekeeping {
  let services: any CommandServices
  let group: DeviceGroup

  /// Plans the changes the options ask for, asks once, makes them, then lists the
  /// group's builds.
  func run(_ arguments: Arguments) async throws -> Value {
    let builds = try await services.client.deployments(
      DeploymentFilter(deviceGroupID: group.id))
    let plan = planned(builds, arguments)
    guard !plan.isEmpty else { return EntityValues.list(builds) }
    try await DeleteEngine(services: services).run(plan, arguments)
    return try await remaining(builds, after: plan)
  }

  /// The builds to unflag and to delete.
  ///
  /// `--remove` deletes unflagged builds older than the minimum supported build,
  /// counting those this same command unflags.
  func planned(_ builds: [Deployment], _ arguments: Arguments) -> DeletePlan {
    let minimum = builds.first { $0.id == group.minSupportedDeployment?.id }
    let all = arguments.flag("unflag")
    var plan = DeletePlan(unflagTitle: "will unflag")
    if all || arguments.flag("unflag-old") {
      plan.unflag = builds.filter { $0.flagged && (all || isOlder($0, than: minimum)) }
      if plan.unflag.isEmpty {
        services.note("device group '\(group.name)' has no flagged builds to unflag")
      }
    }
    guard arguments.flag("remove") else { return plan }
    let unflagged = Set(plan.unflag.map(\.id))
    plan.deployments = builds.filter {
      (!$0.flagged || unflagged.contains($0.id)) && isOlder($0, than: minimum)
    }
    if plan.deployments.isEmpty {
      services.note("device group '\(group.name)' has no builds that can be deleted")
    }
    return plan
  }

  /// The group's builds after the plan ran: read again, or worked out in a dry run.
  private func remaining(_ builds: [Deployment], after plan: DeletePlan) async throws
    -> Value
  {
    guard services.isDryRun else {
      return EntityValues.list(
        try await services.client.deployments(DeploymentFilter(deviceGroupID: group.id)))
    }
    let gone = Set(plan.deployments.map(\.id))
    return EntityValues.list(builds.filter { !gone.contains($0.id) })
  }

  /// Whether `build` is older than `minimum`; every build is, when there is no minimum.
  private func isOlder(_ build: Deployment, than minimum: Deployment?) -> Bool {
    guard let minimum else { return true }
    guard build.id != minimum.id, let date = build.createdAt, let limit = minimum.createdAt
    else { return false }
    return date < limit
  }
}
