import Foundation
import Testing

@testable import ImpCentral

@Suite struct ProductRequestTests {
  @Test func productListSendsTheOwnerFilterAndFullPages() async throws {
    let (client, transport) = echoClient()
    let products = try await client.products(ProductFilter(ownerID: Fixtures.accountID))
    let request = try #require(transport.last)
    #expect(request.method == .get)
    #expect(request.path == "/products")
    #expect(
      request.queryPairs == [
        "filter[owner.id]=\(Fixtures.accountID)", "page[number]=1", "page[size]=100",
      ])
    #expect(products.map(\.name) == ["TestProduct"])
  }

  @Test func productCreateSendsNameDescriptionAndOwner() async throws {
    let (client, transport) = echoClient()
    let product = try await client.createProduct(
      ProductDraft(name: "MyProduct", description: "My product", ownerID: Fixtures.accountID))
    let request = try #require(transport.last)
    #expect(request.method == .post)
    #expect(request.path == "/products")
    #expect(request.headers["Content-Type"] == "application/vnd.api+json")
    #expect(
      request.json == [
        "data": [
          "type": "product",
          "attributes": ["name": "MyProduct", "description": "My product"],
          "relationships": ["owner": ["type": "account", "id": .string(Fixtures.accountID)]],
        ]
      ])
    #expect(product.id == "new-id")
  }

  @Test func productUpdateSendsOnlyTheChangedAttributes() async throws {
    let (client, transport) = echoClient()
    _ = try await client.updateProduct(id: Fixtures.productID, ProductChanges(description: "new"))
    let request = try #require(transport.last)
    #expect(request.method == .patch)
    #expect(request.path == "/products/\(Fixtures.productID)")
    #expect(
      request.json == [
        "data": [
          "type": "product", "id": .string(Fixtures.productID),
          "attributes": ["description": "new"],
        ]
      ])
  }

  @Test func productGetAndDeleteUseTheIDPath() async throws {
    let (client, transport) = echoClient()
    _ = try await client.product(id: Fixtures.productID)
    #expect(transport.last?.method == .get)
    try await client.deleteProduct(id: Fixtures.productID)
    #expect(transport.last?.method == .delete)
    #expect(transport.last?.path == "/products/\(Fixtures.productID)")
    #expect(transport.last?.headers["Authorization"] != nil)
  }

  @Test func idsStayOnePathSegment() async throws {
    let (client, transport) = echoClient()
    _ = try await client.device(id: "a/b?c")
    #expect(transport.last?.path == "/devices/a%2Fb%3Fc")
    _ = try await client.device(id: "0c:2a:69:05:0d:62")
    #expect(transport.last?.path == "/devices/0c:2a:69:05:0d:62")
  }
}

@Suite struct DeviceGroupRequestTests {
  @Test func listFiltersByProductAndType() async throws {
    let (client, transport) = echoClient()
    _ = try await client.deviceGroups(
      DeviceGroupFilter(productID: Fixtures.productID, type: .preFactory))
    #expect(
      transport.last?.queryPairs == [
        "filter[product.id]=\(Fixtures.productID)",
        "filter[type]=pre_factoryfixture_devicegroup", "page[number]=1", "page[size]=100",
      ])
  }

  @Test func productionCreateSendsRegionAndProduct() async throws {
    let (client, transport) = echoClient()
    let group = try await client.createDeviceGroup(
      DeviceGroupDraft(
        type: .production, name: "MyProductionDG", productID: Fixtures.productID,
        description: "prod", region: "eu", envVars: ["dataSourceAPIVersion": 1]))
    #expect(
      transport.last?.json == [
        "data": [
          "type": "production_devicegroup",
          "attributes": [
            "name": "MyProductionDG", "description": "prod", "region": "eu",
            "env_vars": ["dataSourceAPIVersion": 1],
          ],
          "relationships": ["product": ["type": "product", "id": .string(Fixtures.productID)]],
        ]
      ])
    #expect(group.groupType == .production)
  }

  @Test func fixtureCreateSendsBothTargets() async throws {
    let (client, transport) = echoClient()
    _ = try await client.createDeviceGroup(
      DeviceGroupDraft(
        type: .factory, name: "MyFactoryDG", productID: Fixtures.productID,
        productionTarget: DeviceGroupType.production.ref("pg"),
        dutTarget: DeviceGroupType.dut.ref("dg")))
    let relationships = transport.last?.json?["data"]?["relationships"]
    #expect(relationships?["production_target"] == ["type": "production_devicegroup", "id": "pg"])
    #expect(relationships?["dut_target"] == ["type": "dut_devicegroup", "id": "dg"])
  }

  @Test func updateAlwaysSendsTheGroupType() async throws {
    let (client, transport) = echoClient()
    _ = try await client.updateDeviceGroup(
      id: Fixtures.groupID, type: .production,
      DeviceGroupChanges(name: "Renamed", loadCodeAfterBlessing: false))
    let request = try #require(transport.last)
    #expect(request.method == .patch)
    #expect(request.path == "/devicegroups/\(Fixtures.groupID)")
    #expect(
      request.json == [
        "data": [
          "type": "production_devicegroup", "id": .string(Fixtures.groupID),
          "attributes": ["name": "Renamed", "load_code_after_blessing": false],
        ]
      ])
  }

  @Test func fixtureUpdateSendsTargets() async throws {
    let (client, transport) = echoClient()
    _ = try await client.updateDeviceGroup(
      id: "f1", type: .preFactory,
      DeviceGroupChanges(productionTarget: DeviceGroupType.preProduction.ref("pp")))
    #expect(
      transport.last?.json?["data"]?["relationships"] == [
        "production_target": ["type": "pre_production_devicegroup", "id": "pp"]
      ])
  }

  @Test(arguments: [(false, "restart"), (true, "conditional_restart")])
  func restartsAreBodilessPostsWithTheJSONAPIType(conditional: Bool, action: String) async throws {
    let (client, transport) = echoClient()
    try await client.restartDeviceGroup(id: Fixtures.groupID, conditional: conditional)
    let request = try #require(transport.last)
    #expect(request.method == .post)
    #expect(request.path == "/devicegroups/\(Fixtures.groupID)/\(action)")
    #expect(request.body == nil)
    #expect(request.headers["Content-Type"] == "application/vnd.api+json")
  }

  @Test func assignPostsDeviceLinkage() async throws {
    let (client, transport) = echoClient()
    try await client.assignDevices(["a", "0c:2a:69:05:0d:62"], toDeviceGroup: Fixtures.groupID)
    let request = try #require(transport.last)
    #expect(request.method == .post)
    #expect(request.path == "/devicegroups/\(Fixtures.groupID)/relationships/devices")
    #expect(
      request.json == [
        "data": [["type": "device", "id": "a"], ["type": "device", "id": "0c:2a:69:05:0d:62"]]
      ])
  }

  @Test func unassignDeletesWithBodyAndOptionalUnbondKey() async throws {
    let (client, transport) = echoClient()
    try await client.unassignDevices(["a"], fromDeviceGroup: Fixtures.groupID)
    #expect(transport.last?.method == .delete)
    #expect(transport.last?.headers["X-Electricimp-Key"] == nil)
    #expect(transport.last?.json == ["data": [["type": "device", "id": "a"]]])

    try await client.unassignDevices(
      ["a"], fromDeviceGroup: Fixtures.groupID, unbondKey: Secret("unbond-9"))
    #expect(transport.last?.headers["X-Electricimp-Key"] == "unbond-9")
  }

  @Test func minSupportedDeploymentIsAToOnePut() async throws {
    let (client, transport) = echoClient()
    try await client.setMinSupportedDeployment(
      Fixtures.deploymentID, forDeviceGroup: Fixtures.groupID)
    let request = try #require(transport.last)
    #expect(request.method == .put)
    #expect(
      request.path == "/devicegroups/\(Fixtures.groupID)/relationships/min_supported_deployment")
    #expect(request.json == ["data": ["type": "deployment", "id": .string(Fixtures.deploymentID)]])
  }

  @Test func getAndDeleteUseTheIDPath() async throws {
    let (client, transport) = echoClient()
    _ = try await client.deviceGroup(id: Fixtures.groupID)
    #expect(transport.last?.path == "/devicegroups/\(Fixtures.groupID)")
    try await client.deleteDeviceGroup(id: Fixtures.groupID)
    #expect(transport.last?.method == .delete)
  }
}
