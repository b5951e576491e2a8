import ImpCentral
import ImpCentralSandbox
import Testing

@testable import ImptCommands
@testable import ImptLanguage

@Suite struct SandboxDeviceCommandTests {
  @Test func deviceAddReturnsTheNewDevicesAsTheAPIShowsThem() async throws {
    let shell = try await LineRunner.make()

    let added = try await shell.value("sandbox device add --count 3 --name rig")

    #expect(added.listItems.compactMap { $0.text("name") } == ["rig-1", "rig-2", "rig-3"])
    #expect(added.listItems.allSatisfy { $0.field("device_online") == .bool(true) })
    let stored = try await shell.client.devices().compactMap(\.name).sorted()
    #expect(stored == ["rig-1", "rig-2", "rig-3"])
    #expect(shell.notes.last == "added 3 devices to the account")
  }

  @Test func deviceAddKeepsNumberingAndHonoursTypeAndOffline() async throws {
    let shell = try await LineRunner.make()
    try await shell.value("sandbox device add --name rig")

    let added = try await shell.value("sandbox device add --name rig --imp-type imp004m --offline")

    let device = try #require(added.listItems.first)
    #expect(device.text("name") == "rig-2")
    #expect(device.text("imp_type") == "imp004m")
    #expect(device.field("device_online") == .bool(false))
  }

  @Test func manyNewDevicesAreReadBackInOrder() async throws {
    let shell = try await LineRunner.make()
    let count = SandboxSupport.singleFetchLimit + 5

    let added = try await shell.value("sandbox device add --count \(count) --name bulk")

    let names = added.listItems.compactMap { $0.text("name") }
    #expect(names == (1...count).map { "bulk-\($0)" })
  }

  @Test func anUnknownImpTypeIsRefusedWithTheChoices() async throws {
    let shell = try await LineRunner.make()

    let failure = try await shell.failure("sandbox device add --imp-type imp999")

    #expect(failure.id == "sandbox.invalidArgument")
    #expect(failure.message == "unknown imp type 'imp999'")
    #expect(failure.help.first?.contains("imp006") == true)
    #expect(try await shell.client.devices().isEmpty)
  }

  @Test func offlineAndOnlineChangeTheDevice() async throws {
    let shell = try await LineRunner.make()
    try await shell.value("sandbox device add --name rig")

    let offline = try await shell.value("sandbox offline --device rig-1")
    #expect(offline.field("device_online") == .bool(false))
    #expect(try await shell.device("rig-1").deviceOnline == false)

    let online = try await shell.value("sandbox online --device rig-1")
    #expect(online.field("device_online") == .bool(true))
    #expect(try await shell.device("rig-1").deviceOnline == true)
  }

  @Test func logWritesALineTheHistoricalLogShows() async throws {
    let shell = try await LineRunner.make()
    try await shell.value("sandbox device add --name rig")

    let line = try await shell.value(
      "sandbox log --device rig-1 --type agent.error --text 'ERROR: timeout'")
    let page = try await shell.value("log get --device rig-1 --page-number 1")

    #expect(line.text("msg") == "ERROR: timeout")
    let newest = try #require(page.listItems.first)
    #expect(newest.text("type") == "agent.error")
    #expect(newest.text("msg") == "ERROR: timeout")
  }

  @Test func logTakesItsTextAsABareWordAsTheIssueWritesIt() async throws {
    let shell = try await LineRunner.make()
    try await shell.value("sandbox device add --name rig")

    let line = try await shell.value("sandbox log --device rig-1 'hello from the bench'")
    let extra = try await shell.failure("sandbox log --device rig-1 one two")

    #expect(line.text("msg") == "hello from the bench")
    #expect(extra.id == "check.unexpectedArgument")
  }

  @Test func logRefusesAnUnknownType() async throws {
    let shell = try await LineRunner.make()

    let failure = try await shell.failure("sandbox log --device rig-1 --type server.debug --text x")

    #expect(failure.id == "check.badValue")
  }

  @Test func devicesPipeIntoDeviceCommands() async throws {
    let shell = try await LineRunner.make()

    let offline = try await shell.value("sandbox device add --count 2 --name rig | sandbox offline")

    #expect(offline.listItems.count == 2)
    #expect(try await shell.client.devices().allSatisfy { $0.deviceOnline == false })
  }
}

@Suite struct SandboxFactoryCommandTests {
  @Test func aFactoryRunBlessesDevicesAndFiresBlessingWebhooks() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeFactoryLine()
    try await shell.value(
      "webhook create --dg MyProductionDG --url https://example.com/blessed --event blessing "
        + "--mime json")

    let blessed = try await shell.value("sandbox factory run --dg MyFactoryDG --count 2")
    let firings = try await shell.value("sandbox webhooks")

    let production = try await shell.group("MyProductionDG")
    let ids = blessed.listItems.compactMap(\.entityID)
    #expect(ids.count == 2)
    let inGroup = try await shell.client.devices(DeviceFilter(deviceGroupID: production.id))
    #expect(Set(inGroup.map(\.id)) == Set(ids))
    #expect(firings.listItems.map { $0.text("event") } == ["blessing", "blessing"])
    #expect(firings.listItems.first?.text("url") == "https://example.com/blessed")
    #expect(firings.listItems.first?.text("content_type") == "application/json")
    let payloadDevices = firings.listItems.compactMap { $0.field("payload")?.text("device_id") }
    #expect(payloadDevices == ids)
  }

  @Test func aBlinkupActivatesTheDeviceAndFiresBlinkupWebhooks() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeFactoryLine()
    try await shell.value(
      "webhook create --dg MyProductionDG --url https://example.com/activated --event blinkup "
        + "--mime urlencoded")
    let blessed = try await shell.value("sandbox factory run --dg MyFactoryDG")
    let id = try #require(blessed.listItems.first?.entityID)
    #expect(blessed.listItems.first?.field("device_online") == .bool(false))

    let activated = try await shell.value("sandbox blinkup --device \(id)")
    let firings = try await shell.value("sandbox webhooks")

    #expect(activated.field("device_online") == .bool(true))
    #expect(try await shell.client.device(id: id).deviceOnline == true)
    let firing = try #require(firings.listItems.last)
    #expect(firing.text("event") == "blinkup")
    #expect(firing.text("content_type") == "application/x-www-form-urlencoded")
    #expect(firing.field("payload")?.text("device_id") == id)
  }

  @Test func factoryRunsPipeIntoBlinkups() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeFactoryLine()

    let activated = try await shell.value(
      "sandbox factory run --dg MyFactoryDG --count 2 | sandbox blinkup")

    #expect(activated.listItems.count == 2)
    #expect(activated.listItems.allSatisfy { $0.field("device_online") == .bool(true) })
  }

  @Test func aBlinkupOfAnUnblessedDeviceIsRefused() async throws {
    let shell = try await LineRunner.make()
    try await shell.value("sandbox device add --name rig")

    let failure = try await shell.failure("sandbox blinkup --device rig-1")

    #expect(failure.id == "sandbox.notBlessed")
    #expect(failure.help.first?.contains("factory") == true)
  }

  @Test func aFactoryRunOnAGroupThatIsNotAFixtureIsRefused() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeDevelopmentGroup()

    let failure = try await shell.failure("sandbox factory run --dg MyDevDG")

    #expect(failure.id == "sandbox.wrongGroupType")
    #expect(failure.message.contains("'MyDevDG'"))
  }

  @Test func aFactoryRunWithoutAFixtureDeviceSaysSo() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeFactoryLine()
    let fixture = try await shell.device("fixture-1")
    let factory = try await shell.group("MyFactoryDG")
    try await shell.client.unassignDevices([fixture.id], fromDeviceGroup: factory.id)

    let failure = try await shell.failure("sandbox factory run --dg MyFactoryDG")

    #expect(failure.id == "sandbox.noFixture")
  }
}

@Suite struct SandboxResetCommandTests {
  @Test func resetNeedsConfirmationWithoutATerminal() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeDevelopmentGroup()

    let failure = try await shell.failure("sandbox reset")

    #expect(failure.id == "check.needsConfirmation")
    #expect(try await shell.client.products().count == 1)
  }

  @Test func resetEmptiesTheSandbox() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeDevelopmentGroup()
    try await shell.value("sandbox device add --count 2")

    try await shell.ok("use dg MyDevDG")
    try await shell.ok("sandbox reset --confirmed")

    #expect(shell.notes.contains { $0.hasSuffix("logged in as 'sandbox'") })
    #expect(shell.notes.contains { $0.contains("'use none'") })
    #expect(try await shell.client.products().isEmpty)
    #expect(try await shell.client.devices().isEmpty)
    #expect(try await shell.value("sandbox webhooks") == .list([]))
  }
}

@Suite struct SandboxAvailabilityTests {
  static let lines = [
    "sandbox device add", "sandbox factory run --dg MyFactoryDG", "sandbox blinkup --device x",
    "sandbox log --device x --text hi", "sandbox online --device x",
    "sandbox offline --device x", "sandbox webhooks", "sandbox reset --confirmed",
  ]

  @Test(arguments: lines)
  func theCheckerRefusesSandboxCommandsOnOtherBackends(line: String) async throws {
    let shell = try await LineRunner.make(onSandbox: false)

    let failure = try await shell.failure(line)

    #expect(failure.id == "check.sandboxOnly")
  }

  @Test(arguments: SandboxCommands.all.map(\.name))
  func theActionsRefuseWhenTheBackendHasNoSimulation(name: String) async throws {
    let spec = try #require(SandboxCommands.all.first { $0.name == name })
    let place = SourcePosition(line: 1, column: 1)
    let invocation = Invocation(
      command: spec, arguments: ["confirmed": .bool(true)],
      range: SourceRange(file: "test", start: place, end: place))

    let error = await #expect(throws: CommandError.self) {
      _ = try await spec.action(invocation, ServicesWithoutSandbox())
    }

    #expect(error?.id == "command.sandboxOnly")
    #expect(error?.message.contains("'\(name)'") == true)
  }
}

@Suite struct TwoWordVerbTests {
  @Test func theSecondWordOfAVerbIsNotAnArgument() async throws {
    let shell = try await LineRunner.make()

    let outcome = await shell.run("sandbox device add --count 1")

    #expect(outcome.status == 0)
  }

  @Test func aMissingSecondWordListsTheVerbs() async throws {
    let shell = try await LineRunner.make()

    let failure = try await shell.failure("sandbox device --count 1")

    #expect(failure.id == "check.unknownCommand")
    #expect(failure.help.last?.contains("'device add'") == true)
  }

  @Test(arguments: ["help sandbox factory run", "sandbox factory run --help"])
  func helpFindsATwoWordVerb(line: String) async throws {
    let shell = try await LineRunner.make()

    try await shell.ok(line)

    #expect(shell.printed.contains { $0.contains("run a factory line") })
  }
}
