import Foundation
import ImpCentral
import ImptLanguage

/// `dg builds`: unflags and removes a group's old builds, then lists what is left.
struct BuildHousekeeping {
  let services: any CommandServices
  let group: DeviceGroup

  /// Runs the steps the options ask for, in order: unflag, remove, list.
  func run(_ arguments: Arguments) async throws -> Value {
    var builds = try await services.client.deployments(
      DeploymentFilter(deviceGroupID: group.id))
    let minimum = builds.first { $0.id == group.minSupportedDeployment?.id }
    if arguments.flag("unflag") || arguments.flag("unflag-old") {
      let old = arguments.flag("unflag") ? nil : minimum
      builds = try await unflag(builds, olderThan: old, all: arguments.flag("unflag"))
    }
    if arguments.flag("remove") {
      builds = try await remove(builds, olderThan: minimum, arguments)
    }
    return EntityValues.list(builds)
  }

  private func unflag(_ builds: [Deployment], olderThan minimum: Deployment?, all: Bool)
    async throws -> [Deployment]
  {
    let chosen = builds.filter { $0.flagged && (all || isOlder($0, than: minimum)) }
    guard !chosen.isEmpty else {
      services.note("device group '\(group.name)' has no flagged builds to unflag")
      return builds
    }
    var result = builds
    for build in chosen {
      let updated = try await services.client.updateDeployment(
        id: build.id, DeploymentChanges(flagged: false))
      services.note("unflagged \(DeletePlan.describe(build))")
      if let index = result.firstIndex(where: { $0.id == build.id }) { result[index] = updated }
    }
    return result
  }

  private func remove(
    _ builds: [Deployment], olderThan minimum: Deployment?, _ arguments: Arguments
  ) async throws -> [Deployment] {
    let chosen = builds.filter { !$0.flagged && isOlder($0, than: minimum) }
    guard !chosen.isEmpty else {
      services.note("device group '\(group.name)' has no builds that can be deleted")
      return builds
    }
    try await DeleteEngine(services: services).run(DeletePlan(deployments: chosen), arguments)
    let gone = Set(chosen.map(\.id))
    return builds.filter { !gone.contains($0.id) }
  }

  /// Whether `build` is older than `minimum`; every build is, when there is no minimum.
  private func isOlder(_ build: Deployment, than minimum: Deployment?) -> Bool {
    guard let minimum else { return true }
    guard build.id != minimum.id, let date = build.createdAt, let limit = minimum.createdAt
    else { return false }
    return date < limit
  }
}
