import Foundation
import Testing

@testable import ImpCentral

/// A dry run's later reads see what it planned (regression: a script that created a
/// product and then named it failed with "product 'MyProduct' was not found").
@Suite struct DryRunReadTests {
  /// A dry-run client that has planned product planned-1; production group planned-2 and
  /// development group planned-3 in it; build planned-4 (tags rc, beta) in planned-2;
  /// a webhook planned-5 on planned-2.
  private func plannedFleet() async throws -> (ImpCentralClient, FakeTransport) {
    let (client, transport) = echoClient(mode: .dryRun(PlanRecorder()))
    let product = try await client.createProduct(ProductDraft(name: "MyProduct"))
    let production = try await client.createDeviceGroup(
      DeviceGroupDraft(type: .production, name: "MyProductionDG", productID: product.id))
    _ = try await client.createDeviceGroup(
      DeviceGroupDraft(type: .development, name: "MyDevDG", productID: product.id))
    _ = try await client.createDeployment(
      DeploymentDraft(
        deviceGroup: DeviceGroupType.production.ref(production.id), deviceCode: "a", agentCode: "b",
        tags: ["rc", "beta"]))
    _ = try await client.createWebhook(
      WebhookDraft(
        deviceGroup: DeviceGroupType.production.ref(production.id), url: "http://h",
        event: .blessing, contentType: .json))
    return (client, transport)
  }

  @Test(
    "later lists hold the planned resources that pass their filters",
    arguments: [
      (ResourceKind.product, [("owner.id", Fixtures.accountID)], ["planned-1"]),
      (.deviceGroup, [("product.id", "planned-1")], ["planned-2", "planned-3"]),
      (
        .deviceGroup, [("product.id", "planned-1"), ("type", "production_devicegroup")],
        ["planned-2"]
      ),
      (.deviceGroup, [("product.id", Fixtures.productID)], []),
      (.deployment, [("devicegroup.id", "planned-2")], ["planned-4"]),
      (.deployment, [("devicegroup.id", "planned-3")], []),
      (.deployment, [("product.id", "planned-1")], ["planned-4"]),
      (.deployment, [("tags", "rc")], ["planned-4"]),
      (.deployment, [("tags", "rc,beta")], ["planned-4"]),
      (.deployment, [("tags", "rc,final")], []),
      (.deployment, [("flagged", "false")], ["planned-4"]),
      (.deployment, [("flagged", "true")], []),
      (.deployment, [("flagged", "any")], ["planned-4"]),
      (.deployment, [("sha", String(repeating: "a", count: 64))], []),
      (.webhook, [("devicegroup.id", "planned-2")], ["planned-5"]),
      (.device, [("devicegroup.id", "planned-2")], []),
    ] as [(ResourceKind, [(String, String)], [String])])
  func laterListsHoldPlannedResourcesThatPassTheirFilters(
    kind: ResourceKind, filters: [(String, String)], expected: [String]
  ) async throws {
    let (client, _) = try await plannedFleet()
    let query = filters.map { URLQueryItem(name: "filter[\($0.0)]", value: $0.1) }
    let listed = try await client.listAll(kind, filters: query, progress: nil)
    #expect(listed.map(\.id).filter { $0.hasPrefix("planned-") } == expected)
  }

  @Test func listFilteredByAPlannedIDIsNotSent() async throws {
    let (client, transport) = try await plannedFleet()
    let groups = try await client.deviceGroups(DeviceGroupFilter(productID: "planned-1"))
    #expect(groups.map(\.name) == ["MyProductionDG", "MyDevDG"])
    #expect(!transport.requests.contains { $0.path == "/devicegroups" })
  }

  @Test func plannedUpdateOfARealResourceIsSeenByLaterReads() async throws {
    let (client, _) = echoClient(mode: .dryRun(PlanRecorder()))
    _ = try await client.updateProduct(
      id: Fixtures.productID, ProductChanges(description: "planned description"))
    #expect(try await client.product(id: Fixtures.productID).description == "planned description")
    let listed = try await client.products()
    #expect(listed.map(\.description) == ["planned description"])
  }

  @Test func changedResourceLeavesAListItNoLongerPasses() async throws {
    let (client, _) = echoClient(mode: .dryRun(PlanRecorder()))
    _ = try await client.updateDeployment(
      id: Fixtures.deploymentID, DeploymentChanges(flagged: false))
    let flagged = try await client.deployments(DeploymentFilter(flagged: .flagged))
    #expect(flagged.isEmpty)
    let unflagged = try await client.deployments(DeploymentFilter(flagged: .unflagged))
    #expect(unflagged.map(\.id) == [Fixtures.deploymentID])
  }

  @Test func plannedDeleteHidesARealResourceFromLaterReads() async throws {
    let (client, _) = echoClient(mode: .dryRun(PlanRecorder()))
    try await client.deleteProduct(id: Fixtures.productID)
    await #expect(throws: ImpCentralError.self) {
      try await client.product(id: Fixtures.productID)
    }
    #expect(try await client.products().isEmpty)
  }

  @Test func plannedBuildBecomesItsGroupsCurrentBuild() async throws {
    let (client, _) = try await plannedFleet()
    let group = try await client.deviceGroup(id: "planned-2")
    #expect(group.currentDeployment?.id == "planned-4")
  }

  @Test func plannedBuildBecomesARealGroupsCurrentBuildWithoutAnExtraRead() async throws {
    let (client, transport) = echoClient(mode: .dryRun(PlanRecorder()))
    let build = try await client.createDeployment(
      DeploymentDraft(
        deviceGroup: DeviceGroupType.production.ref(Fixtures.groupID), deviceCode: "a",
        agentCode: "b"))
    #expect(transport.requests.isEmpty)
    let group = try await client.deviceGroup(id: Fixtures.groupID)
    #expect(group.currentDeployment?.id == build.id)
    #expect(try await client.deviceGroups().map(\.currentDeployment?.id) == [build.id])
  }

  @Test func liveClientSeesNothingPlanned() async throws {
    let (live, _) = echoClient()
    var planning = live
    planning.mode = .dryRun(PlanRecorder())
    _ = try await planning.createProduct(ProductDraft(name: "MyProduct"))
    #expect(try await live.products().map(\.id) == [Fixtures.productID])
  }
}
