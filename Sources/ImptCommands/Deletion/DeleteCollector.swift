import ImpCentral

/// Gathers what `--force` and `--builds` add to a delete plan.
struct DeleteCollector {
  let services: any CommandServices

  /// Adds device groups with their assigned devices (to unassign) and their flagged
  /// builds (to unflag).
  func addGroups(_ groups: [DeviceGroup], to plan: inout DeletePlan) async throws {
    for group in groups {
      plan.groups.append(group)
      let devices = try await services.client.devices(DeviceFilter(deviceGroupID: group.id))
      plan.unassign += devices.map { (device: $0, group: group) }
      let flagged = try await services.client.deployments(
        DeploymentFilter(deviceGroupID: group.id, flagged: .flagged))
      plan.unflag += flagged
    }
  }

  /// Adds every build of a product, and unflags the flagged ones when `unflag` is set.
  func addBuilds(of product: Product, unflag: Bool, to plan: inout DeletePlan) async throws {
    let builds = try await services.client.deployments(DeploymentFilter(productID: product.id))
    plan.deployments += builds
    if unflag {
      let known = Set(plan.unflag.map(\.id))
      plan.unflag += builds.filter { $0.flagged && !known.contains($0.id) }
    }
  }
}
