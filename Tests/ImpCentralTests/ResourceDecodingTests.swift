import Foundation
import Testing

@testable import ImpCentral

@Suite struct ResourceDecodingTests {
  private func object(_ json: JSONValue) throws -> ResourceObject {
    try ResourceObject(json: json)
  }

  @Test func productReadsNameDescriptionTimesAndAccounts() throws {
    let product = try Product(try object(Fixtures.product))
    #expect(product.id == Fixtures.productID)
    #expect(product.name == "TestProduct")
    #expect(product.description == "My test product")
    #expect(product.createdAt == Timestamp.date(from: "2018-07-22T11:27:49.633Z"))
    #expect(product.owner?.id == Fixtures.accountID)
    #expect(product.creator?.kind == .account)
    #expect(product.ref == ResourceRef(type: "product", id: Fixtures.productID))
  }

  @Test func deviceGroupReadsTypeEnvironmentAndDeployments() throws {
    let group = try DeviceGroup(try object(Fixtures.productionGroup))
    #expect(group.groupType == .production)
    #expect(group.name == "MyProductionDG")
    #expect(group.region == nil)
    #expect(group.envVars?["dataSourceAPIVersion"] == .number(1))
    #expect(group.loadCodeAfterBlessing == true)
    #expect(group.product.id == Fixtures.productID)
    #expect(group.currentDeployment?.id == Fixtures.deploymentID)
    #expect(group.minSupportedDeployment?.id == Fixtures.deploymentID)
    #expect(group.productionTarget == nil)
  }

  @Test func fixtureGroupReadsBothTargets() throws {
    let group = try DeviceGroup(try object(Fixtures.fixtureGroup))
    #expect(group.groupType == .factory)
    #expect(group.productionTarget?.type == "production_devicegroup")
    #expect(group.dutTarget?.type == "dut_devicegroup")
    #expect(group.currentDeployment == nil)
  }

  @Test func deploymentReadsCodeFlagTagsAndGroup() throws {
    let deployment = try Deployment(try object(Fixtures.deployment))
    #expect(deployment.deviceCode == "server.log(\"Hello\");")
    #expect(deployment.agentCode == "")
    #expect(deployment.flagged)
    #expect(deployment.tags == ["MyRC1", "v1.2.3"])
    #expect(deployment.sha?.count == 64)
    #expect(deployment.origin == "ci")
    #expect(deployment.deviceGroupType == .production)
    #expect(!deployment.isZombie)
  }

  @Test func deploymentWithoutGroupIsAZombieAndDefaultsUnflagged() throws {
    let deployment = try Deployment(
      ResourceObject(
        type: "deployment", id: "d",
        relationships: [
          "product": ResourceRef(type: "product", id: "p")
        ]))
    #expect(deployment.isZombie)
    #expect(!deployment.flagged)
    #expect(deployment.tags.isEmpty)
  }

  @Test func deviceReadsStateAgentAndGroup() throws {
    let device = try Device(try object(Fixtures.device))
    #expect(device.macAddress == "0c:2a:69:05:0d:62")
    #expect(device.agentID == "T1oUmIZ3At_N")
    #expect(device.deviceOnline == true)
    #expect(device.freeMemory == 83_712)
    #expect(device.rssi == -53)
    #expect(device.impType == "imp005")
    #expect(device.isAssigned)
    #expect(device.deviceGroup?.type == "development_devicegroup")
  }

  @Test func webhookReadsEventAndContentType() throws {
    let webhook = try Webhook(try object(Fixtures.webhook))
    #expect(webhook.event == .blessing)
    #expect(webhook.contentType == .urlencoded)
    #expect(webhook.contentType.name == "urlencoded")
    #expect(webhook.deviceGroup?.id == Fixtures.groupID)
  }

  @Test func loginKeyAccountAndRefreshTokenRead() throws {
    let key = try LoginKey(try object(Fixtures.loginKeyResource))
    #expect(key.id == Fixtures.loginKey)
    #expect(key.usages == 3)
    #expect(key.description == "test description")
    let account = try Account(try object(Fixtures.account))
    #expect(account.email == "factory@example.com")
    #expect(account.tier == "ent-1")
    let token = try RefreshToken(
      ResourceObject(
        type: "refresh_token", id: "r1", attributes: ["created_at": "2018-07-22T11:27:49Z"]))
    #expect(token.createdAt != nil)
  }

  @Test func logStreamReadsItsURL() throws {
    let stream = try LogStream(
      ResourceObject(
        type: "logstream", id: "s1",
        attributes: ["url": "https://api.electricimp.com/v5/logstream/s1"]))
    #expect(stream.url?.hasSuffix("/logstream/s1") == true)
  }

  /// A required field missing, or a field of the wrong type, fails with a message that
  /// names the resource and the field.
  @Test(arguments: [
    (ResourceObject(type: "product", id: "p"), "without the attribute 'name'"),
    (
      ResourceObject(type: "development_devicegroup", id: "g", attributes: ["name": "g"]),
      "without the relationship 'product'"
    ),
    (ResourceObject(type: "device", id: "d"), "without the attribute 'mac_address'"),
    (
      ResourceObject(type: "deployment", id: "d", attributes: ["flagged": "yes"]),
      "attribute 'flagged' is not a Boolean"
    ),
    (
      ResourceObject(type: "deployment", id: "d", attributes: ["tags": ["a", 1]]),
      "attribute 'tags' is not a list of strings"
    ),
    (
      ResourceObject(
        type: "product", id: "p", attributes: ["name": "P", "created_at": "yesterday"]),
      "attribute 'created_at' is not an ISO 8601 timestamp"
    ),
    (
      ResourceObject(
        type: "webhook", id: "w",
        attributes: ["url": "http://x", "event": "shipping", "content_type": "application/json"]),
      "unknown event 'shipping'"
    ),
  ])
  func missingOrMistypedFieldsFailClearly(object: ResourceObject, fragment: String) {
    let error = decodeError(object)
    #expect(error?.id == .unexpectedResponse)
    #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "no error")")
  }

  @Test func resourceOfAnotherKindIsRefused() throws {
    let error = decodeError(try object(Fixtures.device), as: Product.self)
    #expect(
      error?.message == "expected a product from impCentral but got a resource of type 'device'")
  }

  @Test func unknownDeviceGroupTypeIsRefused() {
    let error = decodeError(
      ResourceObject(type: "mystery_devicegroup", id: "g", attributes: ["name": "g"]),
      as: DeviceGroup.self)
    #expect(error?.id == .unexpectedResponse)
    #expect(error?.message.contains("mystery_devicegroup") == true)
  }

  private func decodeError(_ object: ResourceObject) -> ImpCentralError? {
    switch object.type {
    case "product": decodeError(object, as: Product.self)
    case "device": decodeError(object, as: Device.self)
    case "deployment": decodeError(object, as: Deployment.self)
    case "webhook": decodeError(object, as: Webhook.self)
    default: decodeError(object, as: DeviceGroup.self)
    }
  }

  private func decodeError<T: APIResource>(_ object: ResourceObject, as type: T.Type)
    -> ImpCentralError?
  {
    do {
      _ = try T(object)
      return nil
    } catch {
      return error as? ImpCentralError
    }
  }
}

@Suite struct LogStreamEventTests {
  @Test func jsonMessageBecomesALogEntry() {
    let event = ServerSentEvent(
      data:
        #"{"device_id":"234776801163a9ee","ts":"2018-01-22T19:49:30.423Z","log_type":"development","type":"status","msg":"Agent restarted: reload."}"#
    )
    guard case .message(let entry) = LogStreamEvent(event, format: .json) else {
      Issue.record("expected a message")
      return
    }
    #expect(entry.deviceID == "234776801163a9ee")
    #expect(entry.logType == "development")
    #expect(entry.type == "status")
    #expect(entry.msg == "Agent restarted: reload.")
  }

  @Test func textMessageSplitsIntoFiveFields() {
    let event = ServerSentEvent(
      data:
        "234776801163a9ee 2018-01-22T19:49:30.423Z production server.log Hello World, from your Device!"
    )
    guard case .message(let entry) = LogStreamEvent(event, format: .text) else {
      Issue.record("expected a message")
      return
    }
    #expect(entry.logType == "production")
    #expect(entry.type == "server.log")
    #expect(entry.msg == "Hello World, from your Device!")
  }

  @Test(arguments: [
    (LogStreamFormat.json, #"{"state":"opened"}"#, LogStreamState.opened, String?.none),
    (.json, #"{"state":"subscribed","device_id":"2347"}"#, .subscribed, "2347"),
    (.json, #"{"state":"unsubscribed"}"#, .unsubscribed, nil),
    (.text, "opened", .opened, nil),
    (.text, "234776801163a9ee unsubscribed", .unsubscribed, "234776801163a9ee"),
    (.text, "234776801163a9ee subscribed", .subscribed, "234776801163a9ee"),
    (.text, "closed", .closed, nil),
  ])
  func stateChangesAreRead(
    format: LogStreamFormat, data: String, state: LogStreamState, device: String?
  ) {
    let event = ServerSentEvent(event: "state_change", data: data)
    #expect(
      LogStreamEvent(event, format: format)
        == .stateChange(LogStreamStateChange(state: state, deviceID: device)))
  }

  @Test func unreadableEventsAreKeptNotDropped() {
    let odd = ServerSentEvent(event: "state_change", data: #"{"state":"exploded"}"#)
    #expect(LogStreamEvent(odd, format: .json) == .unrecognized(odd))
    let named = ServerSentEvent(event: "ping", data: "")
    #expect(LogStreamEvent(named, format: .json) == .unrecognized(named))
    let broken = ServerSentEvent(data: "not json")
    #expect(LogStreamEvent(broken, format: .json) == .unrecognized(broken))
  }
}
