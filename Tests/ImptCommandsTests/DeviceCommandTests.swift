import ImpCentral
import Testing

/// `device info`, `device list` and `device update` on a fresh sandbox.
@Suite struct DeviceCommandTests {
  // MARK: - info

  @Test(arguments: ["id", "mac", "agent", "name"])
  func infoFindsADeviceByEachOfItsIdentifiers(_ attribute: String) async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    try fleet.addDevices(2)
    await fleet.ok("build deploy --dg MyDevDG")
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")
    let device = try #require(try await fleet.device("fixture-1"))
    try #require(device.agentID != nil)
    let text =
      switch attribute {
      case "id": device.id
      case "mac": device.macAddress
      case "agent": device.agentID ?? ""
      default: "fixture-1"
      }

    #expect(await fleet.ids("device info --device \(text)") == [device.id])
  }

  @Test func infoOfAnAmbiguousNameListsTheCandidates() async throws {
    let fleet = try await FleetShell.make()
    let ids = try fleet.addDevices(2)
    await fleet.ok("device update --device fixture-2 --name fixture-1")

    let error = await fleet.fails("device info --device fixture-1", "command.ambiguous")

    #expect(error?.message == "'fixture-1' names 2 devices")
    let shown = error?.notes.map(\.message).joined() ?? ""
    #expect(ids.allSatisfy(shown.contains))
  }

  @Test func infoOfAnUnknownDeviceSaysHowToListThem() async throws {
    let fleet = try await FleetShell.make()

    let error = await fleet.fails("device info --device nothing", "command.notFound")

    #expect(error?.message == "device 'nothing' was not found")
    #expect(error?.help == ["Run 'device list' to see the devices."])
  }

  // MARK: - list

  /// Devices: two in `MyDevDG` (one offline), one in `OtherDG` of product `Other`, two
  /// unassigned (one offline).
  private func listFixture() async throws -> FleetShell {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("product create --name Other; dg create --name OtherDG --product Other")
    let ids = try fleet.addDevices(5)
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")
    await fleet.ok("device assign --device fixture-2 --dg MyDevDG")
    await fleet.ok("device assign --device fixture-3 --dg OtherDG")
    try fleet.sandbox.setOnline(device: ids[1], false)
    try fleet.sandbox.setOnline(device: ids[4], false)
    return fleet
  }

  @Test(arguments: [
    ("", 5),
    ("--dg MyDevDG", 2),
    ("--dg MyDevDG --dg OtherDG", 3),
    ("--product Other", 1),
    ("--product MyProduct --product Other --offline", 1),
    ("--dg-type development", 3),
    ("--dg-type production", 0),
    ("--assigned", 3),
    ("--unassigned", 2),
    ("--assigned --unassigned", 5),
    ("--online", 3),
    ("--offline", 2),
    ("--online --offline", 5),
    ("--unassigned --offline", 1),
    ("--owner me --assigned --online", 2),
  ])
  func listCombinesFilters(_ options: String, _ expected: Int) async throws {
    let fleet = try await listFixture()

    let shown = await fleet.ids("device list \(options)")

    #expect(shown.count == expected)
    #expect(Set(shown).count == shown.count, "a device was listed twice")
  }

  @Test func listFiltersPickTheRightDevices() async throws {
    let fleet = try await listFixture()
    let offline = try #require(try await fleet.device("fixture-2"))

    #expect(await fleet.ids("device list --dg MyDevDG --offline") == [offline.id])
  }

  // MARK: - update

  @Test func updateRenamesADevice() async throws {
    let fleet = try await FleetShell.make()
    let id = try fleet.addDevices(1)[0]

    let result = await fleet.ok("device update --device fixture-1 --name lobby")

    #expect(try await fleet.client.device(id: id).name == "lobby")
    #expect(result.err.contains("renamed device 'fixture-1' (\(id)) to 'lobby'"))
  }

  @Test func updateWithAnEmptyNameClearsIt() async throws {
    let fleet = try await FleetShell.make()
    let id = try fleet.addDevices(1)[0]

    await fleet.ok(#"device update --device fixture-1 --name """#)

    #expect(try await fleet.client.device(id: id).name ?? "" == "")
  }

  @Test func updateNeedsAName() async throws {
    let fleet = try await FleetShell.make()
    try fleet.addDevices(1)

    await fleet.fails("device update --device fixture-1", "check.missingOption")
  }
}
