import ImpCentral

/// Gathers what `--force` and `--builds` add to a delete plan.
struct DeleteCollector {
  let services: any CommandServices

  /// Adds device groups with their assigned devices (to unassign) and their flagged
  /// builds (to unflag).
  ///
  /// Groups of one `product` are looked into with two requests for the whole product
  /// rather than two for each group.
  func addGroups(
    _ groups: [DeviceGroup], of product: Product? = nil, to plan: inout DeletePlan
  ) async throws {
    guard let product, groups.count > 1 else {
      for group in groups { try await addGroup(group, to: &plan) }
      return
    }
    let client = services.client
    let devices = try await client.devices(DeviceFilter(productID: product.id))
    let flagged = try await client.deployments(
      DeploymentFilter(productID: product.id, flagged: .flagged))
    for group in groups {
      plan.groups.append(group)
      plan.unassign += devices.filter { $0.deviceGroup?.id == group.id }
        .map { (device: $0, group: group) }
      plan.unflag += flagged.filter { $0.deviceGroup?.id == group.id }
    }
  }

  private func addGroup(_ group: DeviceGroup, to plan: inout DeletePlan) async throws {
    plan.groups.append(group)
    let devices = try await services.client.devices(DeviceFilter(deviceGroupID: group.id))
    plan.unassign += devices.map { (device: $0, group: group) }
    plan.unflag += try await services.client.deployments(
      DeploymentFilter(deviceGroupID: group.id, flagged: .flagged))
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
