import ImpCentral
import Testing

/// `device assign`, `device unassign`, `device remove` and `device restart` on a fresh
/// sandbox.
@Suite struct DeviceAssignmentTests {
  /// `MyDevDG` and `MyOtherDG` in `MyProduct`, and two unassigned devices.
  private func fixture(interaction: ScriptedAnswers? = nil) async throws -> FleetShell {
    let fleet =
      if let interaction {
        try await FleetShell.make(interaction: interaction)
      } else {
        try await FleetShell.make()
      }
    await fleet.developmentGroup()
    await fleet.ok("dg create --name MyOtherDG --product MyProduct")
    try fleet.addDevices(2)
    return fleet
  }

  private func groupOf(_ fleet: FleetShell, _ name: String) async throws -> String? {
    try #require(try await fleet.device(name)).deviceGroup?.id
  }

  // MARK: - assign

  @Test func assignPutsAnUnassignedDeviceIntoTheGroup() async throws {
    let fleet = try await fixture()

    let result = await fleet.ok("device assign --device fixture-1 --dg MyDevDG")

    #expect(try await groupOf(fleet, "fixture-1") == (try await fleet.group("MyDevDG")).id)
    #expect(result.err.contains("assigned device 'fixture-1'"))
    #expect(result.out.contains("devicegroup:"))
  }

  @Test func assignToTheSameGroupAgainIsANote() async throws {
    let fleet = try await fixture()
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")

    let result = await fleet.ok("device assign --device fixture-1 --dg MyDevDG")

    #expect(result.err.contains("is already in 'MyDevDG'"))
  }

  @Test func assignFromAnotherGroupNeedsConfirmation() async throws {
    let fleet = try await fixture()
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")

    await fleet.fails(
      "device assign --device fixture-1 --dg MyOtherDG", "command.needsConfirmation")
    #expect(try await groupOf(fleet, "fixture-1") == (try await fleet.group("MyDevDG")).id)

    let result = await fleet.ok("device assign --device fixture-1 --dg MyOtherDG --confirmed")
    #expect(try await groupOf(fleet, "fixture-1") == (try await fleet.group("MyOtherDG")).id)
    #expect(result.err.contains("moved device 'fixture-1'"))
  }

  @Test(arguments: [true, false])
  func assignFromAnotherGroupAsks(_ answer: Bool) async throws {
    let answers = ScriptedAnswers(answer: answer)
    let fleet = try await fixture(interaction: answers)
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")

    _ = await fleet.shell.capture("device assign --device fixture-1 --dg MyOtherDG")

    #expect(answers.summaries.count == 1)
    #expect(answers.summaries.first?.first?.contains("from 'MyDevDG' to 'MyOtherDG'") == true)
    let expected = try await fleet.group(answer ? "MyOtherDG" : "MyDevDG").id
    #expect(try await groupOf(fleet, "fixture-1") == expected)
  }

  @Test func assignTakesTheGroupFromTheSession() async throws {
    let fleet = try await fixture()

    await fleet.ok("use dg MyOtherDG; device assign --device fixture-2")

    #expect(try await groupOf(fleet, "fixture-2") == (try await fleet.group("MyOtherDG")).id)
  }

  @Test func assignTakesDevicesFromThePipe() async throws {
    let fleet = try await fixture()

    let shown = await fleet.ids("device list --unassigned | device assign --dg MyDevDG")

    let group = try await fleet.group("MyDevDG").id
    let devices = try await fleet.client.devices()
    #expect(devices.allSatisfy { $0.deviceGroup?.id == group })
    #expect(Set(shown) == Set(devices.map(\.id)))
  }

  @Test func assignToAProductionGroupExplainsTheFactory() async throws {
    let fleet = try await fixture()
    await fleet.ok("dg create --name MyProductionDG --dg-type production --product MyProduct")

    let error = await fleet.fails(
      "device assign --device fixture-1 --dg MyProductionDG", "api.validation")

    #expect(error?.help.contains { $0.contains("factory") } == true)
    #expect(try await groupOf(fleet, "fixture-1") == nil)
  }

  @Test func assignOfAnUnknownDeviceChangesNothing() async throws {
    let fleet = try await fixture()

    await fleet.fails("device assign --device nothing --dg MyDevDG", "command.notFound")
  }

  // MARK: - unassign

  @Test func unassignTakesTheDeviceOutOfItsGroup() async throws {
    let fleet = try await fixture()
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")

    let result = await fleet.ok("device unassign --device fixture-1 --confirmed")

    #expect(try await groupOf(fleet, "fixture-1") == nil)
    #expect(result.err.contains("unassigned 1 device from 'MyDevDG'"))
  }

  @Test func unassignOfAnUnassignedDeviceIsANote() async throws {
    let fleet = try await fixture()

    let result = await fleet.ok("device unassign --device fixture-1 --confirmed")

    #expect(result.err.contains("is not assigned to a device group"))
  }

  @Test func unassignRefusesWithoutATerminalOrConfirmation() async throws {
    let fleet = try await fixture()
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")

    await fleet.fails("device unassign --device fixture-1", "check.needsConfirmation")

    #expect(try await groupOf(fleet, "fixture-1") != nil)
  }

  @Test func unassignFromProductionNeedsTheUnbondKey() async throws {
    let fleet = try await FleetShell.make()
    let blessed = try await fleet.blessedDevice()

    let error = await fleet.fails(
      "device unassign --device \(blessed) --confirmed", "command.needsUnbondKey")

    #expect(error?.help.first?.contains("--unbond") == true)
    #expect(try await fleet.client.device(id: blessed).deviceGroup != nil)
  }

  @Test func unassignFromProductionSendsTheUnbondKey() async throws {
    let fleet = try await FleetShell.make()
    let blessed = try await fleet.blessedDevice()

    await fleet.ok("device unassign --device \(blessed) --unbond sandbox-unbond-key --confirmed")

    #expect(try await fleet.client.device(id: blessed).deviceGroup == nil)
  }

  @Test func unassignWithAWrongUnbondKeyIsRefusedWithoutShowingIt() async throws {
    let fleet = try await FleetShell.make()
    let blessed = try await fleet.blessedDevice()

    let error = await fleet.fails(
      "device unassign --device \(blessed) --unbond not-the-key --confirmed", "api.forbidden")

    #expect(error?.message.contains("not-the-key") == false)
    #expect(try await fleet.client.device(id: blessed).deviceGroup != nil)
  }

  // MARK: - remove

  @Test func removeTakesAnUnassignedDeviceOutOfTheAccount() async throws {
    let fleet = try await fixture()

    await fleet.ok("device remove --device fixture-2 --confirmed")

    #expect(try await fleet.device("fixture-2") == nil)
    #expect(try await fleet.device("fixture-1") != nil)
  }

  @Test func removeOfAnAssignedDeviceNeedsForce() async throws {
    let fleet = try await fixture()
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")

    let error = await fleet.fails(
      "device remove --device fixture-1 --confirmed", "command.deviceAssigned")

    #expect(error?.help.first?.contains("--force") == true)
    #expect(try await fleet.device("fixture-1") != nil)
  }

  @Test func removeWithForceUnassignsFirst() async throws {
    let fleet = try await fixture()
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")

    let result = await fleet.ok("device remove --device fixture-1 --force --confirmed")

    #expect(try await fleet.device("fixture-1") == nil)
    #expect(result.err.contains("unassigned 1 device from 'MyDevDG'"))
  }

  @Test func removeOfAProductionDevicePointsToTheUnbondKey() async throws {
    let fleet = try await FleetShell.make()
    let blessed = try await fleet.blessedDevice()

    let error = await fleet.fails(
      "device remove --device \(blessed) --force --confirmed", "command.deviceAssigned")

    #expect(error?.help.first?.contains("--unbond") == true)
  }

  @Test func removeRefusesWithoutATerminalOrConfirmation() async throws {
    let fleet = try await fixture()

    await fleet.fails("device remove --device fixture-2", "check.needsConfirmation")

    #expect(try await fleet.device("fixture-2") != nil)
  }

  // MARK: - restart

  @Test func restartReloadsTheGroupsCode() async throws {
    let fleet = try await fixture()
    let id = try #require(try await fleet.device("fixture-1")).id
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")
    try fleet.writeFile("device.nut", #"server.log("hello");"#)
    await fleet.ok("build deploy --dg MyDevDG -x device.nut")
    let before = try await fleet.logMessages(id).filter { $0 == "hello" }.count

    await fleet.ok("device restart --device fixture-1 --confirmed")

    #expect(try await fleet.logMessages(id).filter { $0 == "hello" }.count == before + 1)
  }

  @Test func conditionalRestartAsksADeviceOnTheMinimumToShutDown() async throws {
    let fleet = try await fixture()
    let id = try #require(try await fleet.device("fixture-1")).id
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")
    await fleet.ok("build run --dg MyDevDG")

    await fleet.ok("device restart --device fixture-1 --conditional --confirmed")

    #expect(try await fleet.logMessages(id).contains { $0.contains("SHUTDOWN_NEWSQUIRREL") })
  }

  @Test func restartOfAnUnassignedDeviceIsRefused() async throws {
    let fleet = try await fixture()

    let error = await fleet.fails(
      "device restart --device fixture-1 --confirmed", "command.deviceNotAssigned")

    #expect(error?.help.first?.contains("device assign") == true)
  }

  @Test func restartRefusesWithoutATerminalOrConfirmation() async throws {
    let fleet = try await fixture()
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")

    await fleet.fails("device restart --device fixture-1", "check.needsConfirmation")
  }
}
