import Foundation
import Testing

@testable import ImpCentral

@Suite struct DeploymentRequestTests {
  @Test func createSendsCodeTagsAndGroupWithItsConcreteType() async throws {
    let (client, transport) = echoClient()
    let deployment = try await client.createDeployment(
      DeploymentDraft(
        deviceGroup: DeviceGroupType.development.ref(Fixtures.groupID),
        deviceCode: "server.log(1);", agentCode: "", description: "RC1", origin: "ci",
        flagged: true, tags: ["MyRC1", "v1.2.*"]))
    #expect(
      transport.last?.json == [
        "data": [
          "type": "deployment",
          "attributes": [
            "device_code": "server.log(1);", "agent_code": "", "description": "RC1",
            "origin": "ci", "flagged": true, "tags": ["MyRC1", "v1.2.*"],
          ],
          "relationships": [
            "devicegroup": ["type": "development_devicegroup", "id": .string(Fixtures.groupID)]
          ],
        ]
      ])
    #expect(deployment.tags == ["MyRC1", "v1.2.*"])
  }

  @Test func listSendsEveryFilterOnce() async throws {
    let (client, transport) = echoClient()
    _ = try await client.deployments(
      DeploymentFilter(
        ownerID: "o", creatorID: "c", productID: "p", deviceGroupID: "g", sha: "s",
        flagged: .unflagged, flaggerID: "f", tags: ["a", "b"]))
    #expect(
      transport.last?.queryPairs == [
        "filter[owner.id]=o", "filter[creator.id]=c", "filter[product.id]=p",
        "filter[devicegroup.id]=g", "filter[sha]=s", "filter[flagged]=false",
        "filter[flagger.id]=f", "filter[tags]=a,b", "page[number]=1", "page[size]=100",
      ])
  }

  @Test func updateSendsDescriptionFlagAndTags() async throws {
    let (client, transport) = echoClient()
    _ = try await client.updateDeployment(
      id: Fixtures.deploymentID, DeploymentChanges(flagged: false, tags: ["test", "test2"]))
    #expect(
      transport.last?.json?["data"]?["attributes"] == [
        "flagged": false, "tags": ["test", "test2"],
      ])
    #expect(transport.last?.method == .patch)
  }

  @Test func getAndDeleteUseTheIDPath() async throws {
    let (client, transport) = echoClient()
    _ = try await client.deployment(id: Fixtures.deploymentID)
    #expect(transport.last?.path == "/deployments/\(Fixtures.deploymentID)")
    try await client.deleteDeployment(id: Fixtures.deploymentID)
    #expect(transport.last?.method == .delete)
  }
}

@Suite struct DeviceRequestTests {
  @Test func listSendsDeviceFiltersIncludingUnassigned() async throws {
    let (client, transport) = echoClient()
    _ = try await client.devices(
      DeviceFilter(
        ownerID: "o", productID: "p", deviceGroupID: "g", deviceGroupOwner: .unassigned,
        deviceGroupType: .development))
    #expect(
      transport.last?.queryPairs == [
        "filter[owner.id]=o", "filter[product.id]=p", "filter[devicegroup.id]=g",
        "filter[devicegroup.owner.id]=null", "filter[devicegroup.type]=development_devicegroup",
        "page[number]=1", "page[size]=100",
      ])
  }

  @Test func renameSendsOnlyTheName() async throws {
    let (client, transport) = echoClient()
    let device = try await client.updateDevice(id: Fixtures.deviceID, name: "device test name")
    #expect(
      transport.last?.json == [
        "data": [
          "type": "device", "id": .string(Fixtures.deviceID),
          "attributes": ["name": "device test name"],
        ]
      ])
    #expect(device.name == "device test name")
  }

  @Test(arguments: [(false, "restart"), (true, "conditional_restart")])
  func restartsPostToTheDevice(conditional: Bool, action: String) async throws {
    let (client, transport) = echoClient()
    try await client.restartDevice(id: Fixtures.deviceID, conditional: conditional)
    #expect(transport.last?.method == .post)
    #expect(transport.last?.path == "/devices/\(Fixtures.deviceID)/\(action)")
    #expect(transport.last?.headers["Content-Type"] == "application/vnd.api+json")
  }

  @Test func deleteRemovesTheDevice() async throws {
    let (client, transport) = echoClient()
    try await client.deleteDevice(id: Fixtures.deviceID)
    #expect(transport.last?.method == .delete)
    #expect(transport.last?.path == "/devices/\(Fixtures.deviceID)")
  }

  @Test func logsAskForOnePageAndComeBackNewestFirst() async throws {
    let (client, transport) = echoClient()
    let page = try await client.deviceLogs(
      id: Fixtures.deviceID, page: PageRequest(number: 3, size: 5))
    #expect(transport.last?.path == "/devices/\(Fixtures.deviceID)/logs")
    #expect(transport.last?.queryPairs == ["page[number]=3", "page[size]=5"])
    #expect(page.entries.map(\.msg) == ["newer", "older"])
    #expect(page.nextPage == nil)
  }
}

@Suite struct WebhookRequestTests {
  @Test func createSendsURLEventContentTypeAndGroup() async throws {
    let (client, transport) = echoClient()
    let webhook = try await client.createWebhook(
      WebhookDraft(
        deviceGroup: DeviceGroupType.production.ref(Fixtures.groupID),
        url: "http://www.electricimp.test.com", event: .blessing, contentType: .json))
    #expect(
      transport.last?.json == [
        "data": [
          "type": "webhook",
          "attributes": [
            "url": "http://www.electricimp.test.com", "event": "blessing",
            "content_type": "application/json",
          ],
          "relationships": [
            "devicegroup": ["type": "production_devicegroup", "id": .string(Fixtures.groupID)]
          ],
        ]
      ])
    #expect(webhook.event == .blessing)
  }

  @Test func updateAndListSendTheirShapes() async throws {
    let (client, transport) = echoClient()
    _ = try await client.updateWebhook(id: "w1", WebhookChanges(contentType: .urlencoded))
    #expect(
      transport.last?.json?["data"]?["attributes"] == [
        "content_type": "application/x-www-form-urlencoded"
      ])
    _ = try await client.webhooks(WebhookFilter(deviceGroupID: "g"))
    #expect(transport.last?.queryPairs.first == "filter[devicegroup.id]=g")
    _ = try await client.webhook(id: "w1")
    #expect(transport.last?.path == "/webhooks/w1")
    try await client.deleteWebhook(id: "w1")
    #expect(transport.last?.method == .delete)
  }
}
