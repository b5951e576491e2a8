import Foundation
import Testing

@testable import ImpCentral

@Suite struct DryRunTests {
  @Test func readsAreSentButWritesAreRecordedAndAnswered() async throws {
    let recorder = PlanRecorder()
    let (client, transport) = echoClient(mode: .dryRun(recorder))

    let product = try await client.product(id: Fixtures.productID)
    let created = try await client.createDeviceGroup(
      DeviceGroupDraft(
        type: .production, name: "MyProductionDG", productID: product.id, description: "prod"))
    try await client.restartDeviceGroup(id: created.id)

    #expect(transport.requests.map(\.method) == [.get])
    #expect(recorder.operations.map(\.verb) == [.create, .restart])
    #expect(
      recorder.operations.first?.summary
        == "create production device group 'MyProductionDG' in product 4e26…")
    #expect(created.id == "planned-1")
    #expect(created.groupType == .production)
    #expect(created.name == "MyProductionDG")
    #expect(created.description == "prod")
    #expect(created.product.id == Fixtures.productID)
    #expect(created.createdAt == testStart)
  }

  @Test func plannedIDsCountUpAndCanBeReadBack() async throws {
    let (client, transport) = echoClient(mode: .dryRun(PlanRecorder()))
    let first = try await client.createProduct(ProductDraft(name: "A"))
    let second = try await client.createProduct(ProductDraft(name: "B"))
    #expect([first.id, second.id] == ["planned-1", "planned-2"])

    let readBack = try await client.product(id: "planned-2")
    #expect(readBack.name == "B")
    #expect(transport.requests.isEmpty)
  }

  @Test func plannedUpdateMergesIntoTheCurrentResource() async throws {
    let recorder = PlanRecorder()
    let (client, transport) = echoClient(mode: .dryRun(recorder))
    let updated = try await client.updateProduct(
      id: Fixtures.productID, ProductChanges(description: "planned description"))
    #expect(updated.name == "TestProduct")
    #expect(updated.description == "planned description")
    #expect(transport.requests.map(\.method) == [.get])
    #expect(recorder.operations.map(\.verb) == [.update])
  }

  @Test func plannedUpdateOfAPlannedResourceNeedsNoRead() async throws {
    let (client, transport) = echoClient(mode: .dryRun(PlanRecorder()))
    let created = try await client.createProduct(ProductDraft(name: "A"))
    let renamed = try await client.updateProduct(id: created.id, ProductChanges(name: "B"))
    #expect(renamed.name == "B")
    #expect(try await client.product(id: created.id).name == "B")
    #expect(transport.requests.isEmpty)
  }

  @Test func plannedDeleteForgetsThePlannedResource() async throws {
    let (client, transport) = echoClient(mode: .dryRun(PlanRecorder()))
    let created = try await client.createProduct(ProductDraft(name: "A"))
    try await client.deleteProduct(id: created.id)
    await #expect(throws: ImpCentralError.self) { try await client.product(id: created.id) }
    #expect(try await client.products().map(\.id) == [Fixtures.productID])
    #expect(transport.requests.map(\.path) == ["/products"])
  }

  @Test func everyKindOfWriteIsHeldBack() async throws {
    let recorder = PlanRecorder()
    let (client, transport) = echoClient(mode: .dryRun(recorder))
    try await client.assignDevices(["d"], toDeviceGroup: "g")
    try await client.unassignDevices(["d"], fromDeviceGroup: "g", unbondKey: Secret("k"))
    try await client.setMinSupportedDeployment("x", forDeviceGroup: "g")
    try await client.restartDevice(id: "d", conditional: true)
    try await client.deleteLoginKey(id: Fixtures.loginKey, password: Secret("pw"))
    let deployment = try await client.createDeployment(
      DeploymentDraft(
        deviceGroup: DeviceGroupType.development.ref("g"), deviceCode: "a", agentCode: "b",
        tags: ["t"]))
    let webhook = try await client.createWebhook(
      WebhookDraft(
        deviceGroup: DeviceGroupType.production.ref("g"), url: "http://h", event: .blinkup,
        contentType: .json))
    let key = try await client.createLoginKey(password: Secret("pw"))
    #expect(transport.requests.isEmpty)
    #expect(
      recorder.operations.map(\.verb) == [
        .assign, .unassign, .setMinSupported, .conditionalRestart, .delete, .create, .create,
        .create,
      ])
    #expect(deployment.tags == ["t"])
    #expect(deployment.deviceGroup?.id == "g")
    #expect(webhook.event == .blinkup)
    #expect(key.usages == 0)
  }

  @Test func sessionOperationsStillRunInADryRun() async throws {
    let (client, transport) = echoClient(mode: .dryRun(PlanRecorder()))
    _ = try await client.login(id: "me", password: Secret("pw"))
    let stream = try await client.createLogStream()
    try await client.addDevice("d", toLogStream: stream.id)
    #expect(transport.requests.map(\.path) == ["/auth", "/logstream", "/logstream/new-id/d"])
  }

  @Test func switchingModeKeepsTheSessionAndLedger() async throws {
    let (live, transport) = echoClient()
    var planning = live
    planning.mode = .dryRun(PlanRecorder())
    _ = try await planning.createProduct(ProductDraft(name: "A"))
    _ = try await live.product(id: "planned-1")
    #expect(transport.requests.count == 1)
    #expect(!live.mode.isDryRun)
    #expect(planning.mode.isDryRun)
  }
}

@Suite struct ObserverTests {
  @Test func observerSeesReadsWritesAndTheirStatuses() async throws {
    let events = Collector<OperationEvent>()
    let (client, _) = echoClient(observer: { events.add($0) })
    _ = try await client.product(id: Fixtures.productID)
    _ = try await client.createProduct(ProductDraft(name: "P"))
    try await client.deleteProduct(id: "new-id")
    let seen = events.all
    #expect(seen.map(\.operation.verb) == [.get, .create, .delete])
    #expect(seen.map(\.operation.access) == [.read, .write, .write])
    #expect(
      seen.map(\.outcome) == [
        .response(status: 200), .response(status: 201), .response(status: 204),
      ])
    #expect(seen.map(\.requestsSent) == [1, 1, 1])
  }

  @Test func observerSeesPlannedWritesWithNothingSent() async throws {
    let events = Collector<OperationEvent>()
    let (client, _) = echoClient(mode: .dryRun(PlanRecorder()), observer: { events.add($0) })
    _ = try await client.createProduct(ProductDraft(name: "P"))
    _ = try await client.products()
    #expect(events.all.map(\.outcome) == [.planned(status: 201), .response(status: 200)])
    #expect(events.all.map(\.requestsSent) == [0, 1])
  }

  @Test func observerSeesFailuresAndRefusalsAreNeverOperations() async {
    let events = Collector<OperationEvent>()
    let transport = FakeTransport([
      Fixtures.reply(404, Fixtures.errorDocument(404, "Not Found", "No product."))
    ])
    let client = makeClient(transport, observer: { events.add($0) })
    _ = await captureError { _ = try await client.product(id: "missing") }
    _ = await captureError { _ = try await client.product(id: "") }
    #expect(events.all.map(\.outcome) == [.response(status: 404)])
  }

  @Test func observerCountsRetriesAndSeesRenewalsAsOperations() async throws {
    let events = Collector<OperationEvent>()
    let transport = FakeTransport([
      Fixtures.reply(200, Fixtures.tokens(access: "renewed", refresh: nil)),
      .response(HTTPResponse(status: 429)),
      Fixtures.reply(200, ["data": Fixtures.product]),
    ])
    let client = makeClient(transport, expiresIn: 60, observer: { events.add($0) })
    _ = try await client.product(id: Fixtures.productID)
    #expect(events.all.map(\.operation.verb) == [.exchangeToken, .get])
    #expect(events.all.map(\.requestsSent) == [1, 2])
    #expect(events.all.map(\.outcome) == [.response(status: 200), .response(status: 200)])
  }

  @Test func eventStreamsAreObserved() async throws {
    let events = Collector<OperationEvent>()
    let transport = FakeTransport(events: {
      AsyncThrowingStream { $0.finish() }
    })
    let client = makeClient(transport, observer: { events.add($0) })
    _ = try await client.logStreamEvents("s1")
    #expect(events.all.map(\.operation.verb) == [.openEvents])
    #expect(events.all.map(\.outcome) == [.response(status: 200)])
  }
}

@Suite struct SummaryTests {
  @Test func summariesNameTheOperationAndItsTarget() throws {
    let cases: [(APIOperation, String)] = [
      (
        try Endpoints.list(
          .deviceGroup,
          filters: try DeviceGroupFilter(productID: Fixtures.productID, type: .production)
            .queryItems(), page: PageRequest(number: 2, size: 100)),
        "list device groups where product.id=4e26…, type=production_devicegroup (page 2, size 100)"
      ),
      (try Endpoints.get(.device, id: "0c:2a:69:05:0d:62"), "get device 0c:2a:69:05:0d:62"),
      (
        try Endpoints.updateDeviceGroup(
          id: Fixtures.groupID, type: .preFactory, DeviceGroupChanges(name: "n")),
        "update pre-factory device group b8c8… (name)"
      ),
      (
        try Endpoints.restart(.device, id: Fixtures.deviceID, conditional: true),
        "conditionally restart device 234776801163a9ee"
      ),
      (
        try Endpoints.assignDevices(["a", "b", "c"], toDeviceGroup: Fixtures.groupID),
        "assign 3 devices to device group b8c8…"
      ),
      (
        try Endpoints.createDeployment(
          DeploymentDraft(
            deviceGroup: DeviceGroupType.development.ref(Fixtures.groupID), deviceCode: "",
            agentCode: "")),
        "create deployment for development device group b8c8…"
      ),
      (
        try Endpoints.setMinSupportedDeployment(
          Fixtures.deploymentID, forDeviceGroup: Fixtures.groupID),
        "set the minimum supported deployment of device group b8c8… to 7c1a…"
      ),
      (try Endpoints.login(id: "factory", password: Secret("pw")), "log in as 'factory'"),
    ]
    for (operation, summary) in cases {
      #expect(operation.summary == summary)
    }
  }

  @Test func operationsKnowWhetherTheyWrite() throws {
    #expect(try Endpoints.get(.product, id: "p").access == .read)
    #expect(try Endpoints.delete(.product, id: "p").isWrite)
    #expect(try Endpoints.exchange(.loginKey(Secret("k"))).access == .session)
    #expect(Endpoints.createLogStream(format: .text).access == .session)
    #expect(try Endpoints.login(id: "x", password: Secret("")).usesBearerToken == false)
    #expect(try Endpoints.logStreamEvents("s", format: .json).usesBearerToken == false)
  }
}
