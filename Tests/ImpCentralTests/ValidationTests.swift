import Foundation
import Testing

@testable import ImpCentral

/// One input the client must refuse before sending anything.
struct RefusalCase: Sendable, CustomTestStringConvertible {
  let name: String
  /// The argument the error must name.
  let argument: String
  let call: @Sendable (ImpCentralClient) async throws -> Void

  var testDescription: String { name }
}

extension ImpCentralClient {
  /// Runs a hand-built operation through the client, for attribute maps no typed method
  /// can produce.
  func run(_ build: () throws -> APIOperation) async throws {
    try await discard(try build())
  }
}

private let production = DeviceGroupType.production
private let group = Fixtures.groupID

let idRefusals: [RefusalCase] = [
  RefusalCase(name: "empty product id", argument: "product id") {
    _ = try await $0.product(id: "")
  },
  RefusalCase(name: "blank device group id", argument: "device group id") {
    _ = try await $0.deviceGroup(id: "  ")
  },
  RefusalCase(name: "empty account id", argument: "account id") {
    _ = try await $0.account(id: "")
  },
  RefusalCase(name: "empty refresh token id", argument: "refresh token id") {
    try await $0.deleteRefreshToken(id: "")
  },
  RefusalCase(name: "empty login key id", argument: "login key id") {
    _ = try await $0.loginKey(id: "")
  },
  RefusalCase(name: "no devices to assign", argument: "device id") {
    try await $0.assignDevices([], toDeviceGroup: group)
  },
  RefusalCase(name: "empty device in a batch", argument: "device id") {
    try await $0.assignDevices(["a", ""], toDeviceGroup: group)
  },
  RefusalCase(name: "empty group to unassign from", argument: "device group id") {
    try await $0.unassignDevices(["a"], fromDeviceGroup: "")
  },
  RefusalCase(name: "empty min supported deployment", argument: "deployment id") {
    try await $0.setMinSupportedDeployment("", forDeviceGroup: group)
  },
  RefusalCase(name: "empty device to restart", argument: "device id") {
    try await $0.restartDevice(id: "", conditional: true)
  },
  RefusalCase(name: "empty device to rename", argument: "device id") {
    _ = try await $0.updateDevice(id: "", name: "x")
  },
  RefusalCase(name: "empty webhook to delete", argument: "webhook id") {
    try await $0.deleteWebhook(id: "")
  },
  RefusalCase(name: "empty device for logs", argument: "device id") {
    _ = try await $0.deviceLogs(id: "", page: PageRequest())
  },
  RefusalCase(name: "empty device for a log stream", argument: "device id") {
    try await $0.addDevice("", toLogStream: "s1")
  },
  RefusalCase(name: "empty log stream", argument: "log stream id") {
    _ = try await $0.logStreamEvents("")
  },
  RefusalCase(name: "empty product for a group", argument: "product id") {
    _ = try await $0.createDeviceGroup(
      DeviceGroupDraft(type: .development, name: "g", productID: ""))
  },
]

let pageAndFilterRefusals: [RefusalCase] = [
  RefusalCase(name: "page size 0", argument: "page-size") {
    _ = try await $0.deviceLogs(id: "d", page: PageRequest(number: 1, size: 0))
  },
  RefusalCase(name: "page size 101", argument: "page-size") {
    _ = try await $0.deviceLogs(id: "d", page: PageRequest(number: 1, size: 101))
  },
  RefusalCase(name: "page number 0", argument: "page") {
    _ = try await $0.deviceLogs(id: "d", page: PageRequest(number: 0, size: 5))
  },
  RefusalCase(name: "empty owner filter", argument: "filter[owner.id]") {
    _ = try await $0.products(ProductFilter(ownerID: ""))
  },
  RefusalCase(name: "empty group filter", argument: "filter[devicegroup.id]") {
    _ = try await $0.webhooks(WebhookFilter(deviceGroupID: ""))
  },
  RefusalCase(name: "badly formed tag filter", argument: "tag") {
    _ = try await $0.deployments(DeploymentFilter(tags: ["ok", "not ok"]))
  },
]

let attributeRefusals: [RefusalCase] = [
  RefusalCase(name: "unknown product attribute", argument: "name_") { client in
    try await client.run {
      try Endpoints.create(
        .product, type: "product", attributes: ["name_": "x"], target: nil, summary: "")
    }
  },
  RefusalCase(name: "product without name", argument: "name") { client in
    try await client.run {
      try Endpoints.create(
        .product, type: "product", attributes: ["description": "d"], target: nil, summary: "")
    }
  },
  RefusalCase(name: "empty product name", argument: "name") {
    _ = try await $0.createProduct(ProductDraft(name: ""))
  },
  RefusalCase(name: "unknown product update attribute", argument: "owner") { client in
    try await client.run {
      try Endpoints.update(.product, type: "product", id: "p", attributes: ["owner": "x"])
    }
  },
  RefusalCase(name: "device group of an unknown type", argument: "type") { client in
    try await client.run {
      try Endpoints.create(
        .deviceGroup, type: "wrong_type", attributes: ["name": "g"],
        relationships: ["product": ResourceRef(type: "product", id: "p")], target: nil,
        summary: "")
    }
  },
  RefusalCase(name: "device group without name", argument: "name") { client in
    try await client.run {
      try Endpoints.create(
        .deviceGroup, type: "development_devicegroup", attributes: [:],
        relationships: ["product": ResourceRef(type: "product", id: "p")], target: nil,
        summary: "")
    }
  },
  RefusalCase(name: "region on a device group update", argument: "region") { client in
    try await client.run {
      try Endpoints.update(
        .deviceGroup, type: "production_devicegroup", id: "g", attributes: ["region": "eu"])
    }
  },
  RefusalCase(name: "device code on a deployment update", argument: "device_code") { client in
    try await client.run {
      try Endpoints.update(
        .deployment, type: "deployment", id: "d", attributes: ["device_code": ""])
    }
  },
  RefusalCase(name: "deployment without agent code", argument: "agent_code") { client in
    try await client.run {
      try Endpoints.create(
        .deployment, type: "deployment", attributes: ["device_code": ""],
        relationships: ["devicegroup": ResourceRef(type: "development_devicegroup", id: "g")],
        target: nil, summary: "")
    }
  },
  RefusalCase(name: "unknown device attribute", argument: "tst_name") { client in
    try await client.run {
      try Endpoints.update(.device, type: "device", id: "d", attributes: ["tst_name": "x"])
    }
  },
  RefusalCase(name: "webhook event on update", argument: "event") { client in
    try await client.run {
      try Endpoints.update(.webhook, type: "webhook", id: "w", attributes: ["event": "blinkup"])
    }
  },
  RefusalCase(name: "webhook without event", argument: "event") { client in
    try await client.run {
      try Endpoints.create(
        .webhook, type: "webhook",
        attributes: ["url": "http://x", "content_type": "application/json"],
        relationships: ["devicegroup": ResourceRef(type: "development_devicegroup", id: "g")],
        target: nil, summary: "")
    }
  },
  RefusalCase(name: "unknown webhook event", argument: "event") { client in
    try await client.run {
      try Endpoints.create(
        .webhook, type: "webhook",
        attributes: ["url": "http://x", "event": "test_event", "content_type": "application/json"],
        relationships: ["devicegroup": ResourceRef(type: "development_devicegroup", id: "g")],
        target: nil, summary: "")
    }
  },
  RefusalCase(name: "unknown webhook content type", argument: "content_type") { client in
    try await client.run {
      try Endpoints.update(
        .webhook, type: "webhook", id: "w", attributes: ["content_type": "text/plain"])
    }
  },
  RefusalCase(name: "empty webhook url", argument: "url") {
    _ = try await $0.updateWebhook(id: "w", WebhookChanges(url: ""))
  },
  RefusalCase(name: "login key name attribute", argument: "name") { client in
    try await client.run {
      try Endpoints.update(.loginKey, type: "login_key", id: "k", attributes: ["name": "x"])
    }
  },
  RefusalCase(name: "deployments cannot be made for a product", argument: "devicegroup") {
    _ = try await $0.createDeployment(
      DeploymentDraft(
        deviceGroup: ResourceRef(type: "product", id: "p"), deviceCode: "", agentCode: ""))
  },
  RefusalCase(name: "badly formed deployment tag", argument: "tags") {
    _ = try await $0.createDeployment(
      DeploymentDraft(
        deviceGroup: DeviceGroupType.development.ref("g"), deviceCode: "", agentCode: "",
        tags: ["v1", "has space"]))
  },
  RefusalCase(name: "badly formed tag on update", argument: "tags") {
    _ = try await $0.updateDeployment(id: "d", DeploymentChanges(tags: ["ünïcode"]))
  },
]

let deviceGroupRefusals: [RefusalCase] = [
  RefusalCase(name: "region on a development group", argument: "region") {
    _ = try await $0.createDeviceGroup(
      DeviceGroupDraft(type: .development, name: "g", productID: "p", region: "eu"))
  },
  RefusalCase(name: "blessing behaviour on a DUT group", argument: "load_code_after_blessing") {
    _ = try await $0.updateDeviceGroup(
      id: "g", type: .dut, DeviceGroupChanges(loadCodeAfterBlessing: true))
  },
  RefusalCase(name: "factory group without production target", argument: "production_target") {
    _ = try await $0.createDeviceGroup(
      DeviceGroupDraft(
        type: .factory, name: "f", productID: "p", dutTarget: DeviceGroupType.dut.ref("d")))
  },
  RefusalCase(name: "factory group without DUT target", argument: "dut_target") {
    _ = try await $0.createDeviceGroup(
      DeviceGroupDraft(
        type: .factory, name: "f", productID: "p", productionTarget: production.ref("pg")))
  },
  RefusalCase(name: "production target on a production group", argument: "production_target") {
    _ = try await $0.updateDeviceGroup(
      id: "g", type: .production, DeviceGroupChanges(productionTarget: production.ref("x")))
  },
  RefusalCase(name: "DUT target on a DUT group", argument: "dut_target") {
    _ = try await $0.createDeviceGroup(
      DeviceGroupDraft(
        type: .dut, name: "d", productID: "p", dutTarget: DeviceGroupType.dut.ref("x")))
  },
  RefusalCase(name: "pre-production target on a factory group", argument: "production_target") {
    _ = try await $0.createDeviceGroup(
      DeviceGroupDraft(
        type: .factory, name: "f", productID: "p",
        productionTarget: DeviceGroupType.preProduction.ref("pp"),
        dutTarget: DeviceGroupType.dut.ref("d")))
  },
  RefusalCase(name: "DUT target of production type on a pre-factory", argument: "dut_target") {
    _ = try await $0.updateDeviceGroup(
      id: "f", type: .preFactory, DeviceGroupChanges(dutTarget: production.ref("x")))
  },
  RefusalCase(name: "target without an id", argument: "dut_target") {
    _ = try await $0.updateDeviceGroup(
      id: "f", type: .factory, DeviceGroupChanges(dutTarget: DeviceGroupType.dut.ref("")))
  },
  RefusalCase(name: "empty device group name", argument: "name") {
    _ = try await $0.updateDeviceGroup(id: "g", type: .development, DeviceGroupChanges(name: ""))
  },
]

let credentialRefusals: [RefusalCase] = [
  RefusalCase(name: "login with empty id", argument: "account id or email") {
    _ = try await $0.login(id: "", password: Secret(""))
  },
  RefusalCase(name: "one-time password missing", argument: "one-time password") {
    _ = try await $0.login(oneTimePassword: Secret(""), loginToken: Secret("lt"))
  },
  RefusalCase(name: "login token missing", argument: "login token") {
    _ = try await $0.login(oneTimePassword: Secret("123456"), loginToken: Secret(""))
  },
  RefusalCase(name: "empty login key", argument: "login key") {
    _ = try await $0.login(loginKey: Secret(""))
  },
  RefusalCase(name: "empty refresh token", argument: "refresh token") {
    _ = try await $0.login(refreshToken: Secret(""))
  },
  RefusalCase(name: "login key created without password", argument: "password") {
    _ = try await $0.createLoginKey(password: Secret(""), description: "d")
  },
  RefusalCase(name: "login key updated without password", argument: "password") {
    _ = try await $0.updateLoginKey(id: "k", password: Secret(""), description: "d")
  },
  RefusalCase(name: "login key deleted without password", argument: "password") {
    try await $0.deleteLoginKey(id: "k", password: Secret(""))
  },
  RefusalCase(name: "empty unbond key", argument: "unbond key") {
    try await $0.unassignDevices(["a"], fromDeviceGroup: "g", unbondKey: Secret(""))
  },
]

@Suite struct ValidationTests {
  @Test(arguments: idRefusals + pageAndFilterRefusals)
  func badIdsPagesAndFiltersAreRefusedBeforeSending(_ refusal: RefusalCase) async {
    await expectRefusedUnsent(refusal)
  }

  @Test(arguments: attributeRefusals)
  func attributesOutsideEachOperationsListAreRefusedBeforeSending(_ refusal: RefusalCase) async {
    await expectRefusedUnsent(refusal)
  }

  @Test(arguments: deviceGroupRefusals)
  func deviceGroupRulesAreCheckedBeforeSending(_ refusal: RefusalCase) async {
    await expectRefusedUnsent(refusal)
  }

  @Test(arguments: credentialRefusals)
  func missingCredentialsAreRefusedBeforeSending(_ refusal: RefusalCase) async {
    await expectRefusedUnsent(refusal)
  }

  @Test func deviceGroupTypeNamesAreValidated() throws {
    #expect(try DeviceGroupType(validating: "pre-factory") == .preFactory)
    #expect(try DeviceGroupType(validating: "dut_devicegroup") == .dut)
    #expect(throws: ImpCentralError.self) { try DeviceGroupType(validating: "test") }
    do {
      _ = try DeviceGroupType(validating: "staging", argument: "dg-type")
    } catch {
      #expect(error.argument == "dg-type")
      #expect(error.message.hasPrefix("expected a device group type, one of 'development'"))
      #expect(error.message.hasSuffix("got 'staging'"))
    }
  }

  @Test func logStreamFormatIsTextOrJSON() throws {
    #expect(try LogStreamFormat(validating: "text") == .text)
    do {
      _ = try LogStreamFormat(validating: "xml")
      Issue.record("expected a refusal")
    } catch {
      #expect(error.id == .invalidArgument)
      #expect(error.message == "expected 'text' or 'json' for 'format', got 'xml'")
    }
  }

  @Test func refusalMessagesNameTheArgumentAndWhatWasExpected() async {
    let client = makeClient(FakeTransport())
    let region = await captureError {
      _ = try await client.createDeviceGroup(
        DeviceGroupDraft(type: .development, name: "g", productID: "p", region: "eu"))
    }
    #expect(
      region?.message
        == "'region' can only be set when creating production and pre-production device groups, not a 'development' group"
    )
    let target = await captureError {
      _ = try await client.createDeviceGroup(
        DeviceGroupDraft(
          type: .factory, name: "f", productID: "p",
          productionTarget: DeviceGroupType.preProduction.ref("pp"),
          dutTarget: DeviceGroupType.dut.ref("d")))
    }
    #expect(
      target?.message
        == "expected 'production_target' to be a 'production' device group, got 'pre-production'")
  }

  @Test func validInputsOfEachRulePass() async throws {
    let (client, transport) = echoClient()
    _ = try await client.createDeviceGroup(
      DeviceGroupDraft(type: .preProduction, name: "pp", productID: "p", region: "eu"))
    _ = try await client.updateDeviceGroup(
      id: "g", type: .preProduction, DeviceGroupChanges(loadCodeAfterBlessing: false))
    _ = try await client.createDeviceGroup(
      DeviceGroupDraft(
        type: .preFactory, name: "pf", productID: "p",
        productionTarget: DeviceGroupType.preProduction.ref("pp"),
        dutTarget: DeviceGroupType.preDUT.ref("pd")))
    _ = try await client.createDeployment(
      DeploymentDraft(
        deviceGroup: DeviceGroupType.development.ref("g"), deviceCode: "", agentCode: "",
        tags: ["a-b_c*d.e", "MyRC1"]))
    _ = try await client.login(id: "me", password: Secret(""))
    #expect(transport.requests.count == 5)
  }

  private func expectRefusedUnsent(_ refusal: RefusalCase) async {
    let transport = FakeTransport(handler: EchoService.answer)
    let client = makeClient(transport)
    let error = await captureError { try await refusal.call(client) }
    #expect(error?.id == .invalidArgument, "\(refusal.name): \(String(describing: error))")
    #expect(error?.argument == refusal.argument, "\(refusal.name): \(error?.message ?? "")")
    #expect(error?.message.isEmpty == false)
    #expect(transport.requests.isEmpty, "\(refusal.name) sent a request")
    #expect(transport.eventRequests.isEmpty)
  }
}
