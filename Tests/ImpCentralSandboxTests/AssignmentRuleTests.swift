import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

@Suite struct AssignmentRuleTests {
  private func firstEntry(_ answer: Answer) -> JSONValue? {
    answer.json["errors"]?.arrayValue?.first
  }

  @Test(arguments: [DeviceGroupType.production, .dut, .preProduction, .preDUT])
  func factoryFedGroupsRefuseManualAssignment(type: DeviceGroupType) throws {
    let harness = try Harness()
    let group = try harness.group(type, "G", product: try harness.product())
    let device = try harness.sandbox.addDevices(count: 1)[0]
    let answer = harness.call(
      .post, "/devicegroups/\(group)/relationships/devices", Harness.devices([device.id]))
    expectError(answer, 400, "CX010")
    #expect(firstEntry(answer)?["status"] == "409")
    #expect(
      harness.call(.get, "/devices/\(device.id)").data["relationships"]?["devicegroup"] == nil)
  }

  @Test func blessedDevicesMoveOnlyWithinTheirProduct() throws {
    let harness = try Harness()
    let line = try harness.factoryLine()
    _ = try harness.deploy(line.factory, type: .factory)
    let blessed = try harness.sandbox.runFactory(fixtureGroup: line.factory, count: 1)[0]
    let sibling = try harness.group(.production, "P2", product: line.product)
    try harness.assign([blessed.id], to: sibling)
    let otherProduct = try harness.group(
      .production, "Elsewhere", product: try harness.product("X"))
    let crossing = harness.call(
      .post, "/devicegroups/\(otherProduct)/relationships/devices", Harness.devices([blessed.id]))
    expectError(crossing, 400, "CX010")
    let development = try harness.group(.development, "Dev", product: line.product)
    let leaving = harness.call(
      .post, "/devicegroups/\(development)/relationships/devices", Harness.devices([blessed.id]))
    expectError(leaving, 400, "CX010")
  }

  @Test func removingFromProductionNeedsTheUnbondKey() throws {
    let harness = try Harness()
    let line = try harness.factoryLine()
    _ = try harness.deploy(line.factory, type: .factory)
    let blessed = try harness.sandbox.runFactory(fixtureGroup: line.factory, count: 1)[0]
    let path = "/devicegroups/\(line.production)/relationships/devices"
    expectError(harness.call(.delete, path, Harness.devices([blessed.id])), 403, "PX003")
    expectError(
      harness.call(
        .delete, path, Harness.devices([blessed.id]), headers: ["X-Electricimp-Key": "wrong"]),
      403, "PX003")
    let removed = harness.call(
      .delete, path, Harness.devices([blessed.id]),
      headers: ["X-Electricimp-Key": "sandbox-unbond-key"])
    #expect(removed.status == 204)
    let device = harness.call(.get, "/devices/\(blessed.id)")
    #expect(device.data["relationships"]?["devicegroup"] == nil)
    let development = try harness.group(.development, "Dev", product: line.product)
    try harness.assign([blessed.id], to: development)
    try harness.sandbox.emitLog(device: blessed.id, text: "after unbond")
    let logs = harness.call(.get, "/devices/\(blessed.id)/logs").items
    #expect(logs.first?["log_type"] == "development")
  }

  @Test func fixturesRefuseImp001Devices() throws {
    let harness = try Harness()
    let line = try harness.factoryLine()
    let old = try harness.sandbox.addDevices(count: 1, impType: "imp001")[0]
    let answer = harness.call(
      .post, "/devicegroups/\(line.factory)/relationships/devices", Harness.devices([old.id]))
    expectError(answer, 400, "CX010")
  }

  @Test func devicesMoveBetweenDevelopmentGroupsWithoutUnassign() throws {
    let harness = try Harness()
    let first = try harness.group(.development, "A", product: try harness.product("P1"))
    let second = try harness.group(.development, "B", product: try harness.product("P2"))
    let devices = try harness.sandbox.addDevices(count: 2)
    try harness.assign(devices.map(\.id), to: first)
    try harness.assign(devices.map(\.macAddress), to: second)
    let listed = harness.call(.get, "/devices", query: [("filter[devicegroup.id]", second)])
    #expect(Set(listed.items.compactMap { $0["id"]?.stringValue }) == Set(devices.map(\.id)))
  }

  @Test func batchWithOneBadDeviceChangesNothing() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    _ = try harness.deploy(group)
    let devices = try harness.sandbox.addDevices(count: 2)
    let before = try harness.sandbox.snapshot()
    let answer = harness.call(
      .post, "/devicegroups/\(group)/relationships/devices",
      Harness.devices([devices[0].id, devices[1].id, "missing-device"]))
    expectError(answer, 400, "NF001")
    #expect(firstEntry(answer)?["status"] == "404")
    #expect(try harness.sandbox.snapshot() == before)
  }

  @Test func unassigningDevicesNotInTheGroupGivesNested404s() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let devices = try harness.sandbox.addDevices(count: 2)
    let answer = harness.call(
      .delete, "/devicegroups/\(group)/relationships/devices", Harness.devices(devices.map(\.id)))
    #expect(answer.status == 400)
    let statuses = answer.json["errors"]?.arrayValue?.compactMap { $0["status"]?.stringValue }
    #expect(statuses == ["404", "404"])
  }

  @Test(
    arguments: [
      #"{"data": {"type": "device", "id": "x"}}"#,
      #"{"data": [{"type": "product", "id": "x"}]}"#,
      #"{"data": [{"type": "device"}]}"#,
      #"{"data": [5]}"#,
      #"[]"#,
    ])
  func malformedDeviceListsAreRejected(body: String) throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    expectError(
      harness.raw(.post, "/devicegroups/\(group)/relationships/devices", body: body), 400, "VX002")
  }
}
