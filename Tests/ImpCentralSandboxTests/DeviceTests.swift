import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

@Suite struct DeviceTests {
  /// A group with a deployment and three assigned devices.
  private func setup(_ harness: Harness) throws -> (group: String, devices: [SimulatedDevice]) {
    let group = try harness.group(.development, "G", product: try harness.product())
    _ = try harness.deploy(group, device: #"server.log("Hello World, from your Device!");"#)
    let devices = try harness.sandbox.addDevices(count: 3, namePrefix: "dev")
    try harness.assign(devices.map(\.id), to: group)
    return (group, devices)
  }

  @Test func devicesAreFoundByIdMacAndAgentId() throws {
    let harness = try Harness()
    let (_, devices) = try setup(harness)
    let device = harness.call(.get, "/devices/\(devices[0].id)")
    let agent = try #require(device.attributes["agent_id"]?.stringValue)
    let mac = try #require(device.attributes["mac_address"]?.stringValue)
    for key in [devices[0].id, mac, agent, mac.uppercased()] {
      let answer = harness.call(.get, "/devices/\(key)")
      #expect(answer.id == devices[0].id)
      #expect(answer.data["type"] == "device")
    }
    expectError(harness.call(.get, "/devices/wrong_id"), 404, "NF001")
  }

  @Test func deviceShowsEveryAttribute() throws {
    let harness = try Harness()
    let (group, devices) = try setup(harness)
    let device = harness.call(.get, "/devices/\(devices[0].id)")
    for name in [
      "name", "mac_address", "agent_id", "agent_url", "device_online", "device_state_changed_at",
      "agent_running", "agent_state_changed_at", "last_enrolled_at", "imp_type", "ip_address",
      "free_memory", "rssi", "swversion", "plan_id", "created_at", "updated_at",
    ] {
      #expect(device.attributes[name] != nil, "missing \(name)")
    }
    #expect(device.attributes["name"] == "dev-1")
    #expect(device.attributes["agent_running"] == true)
    #expect(device.attributes["agent_url"]?.stringValue?.hasPrefix("https://agent.") == true)
    let relationships = device.data["relationships"]
    #expect(relationships?["devicegroup"]?["id"]?.stringValue == group)
    #expect(relationships?["devicegroup"]?["type"] == "development_devicegroup")
    #expect(relationships?["product"] != nil)
    #expect(devices[0].id.count == 16)
    #expect(devices[0].macAddress.hasPrefix("0c:2a:69:"))
  }

  @Test func renameByAnyKeyAndRejectUnknownAttributes() throws {
    let harness = try Harness()
    let (_, devices) = try setup(harness)
    let key = devices[1].macAddress
    let renamed = harness.call(
      .patch, "/devices/\(key)",
      ["data": ["type": "device", "id": .string(key), "attributes": ["name": "device test name"]]])
    #expect(renamed.attributes["name"] == "device test name")
    expectError(
      harness.call(.patch, "/devices/\(key)", Harness.document("device", ["tst_name": "x"])),
      400, "VX004")
    expectError(
      harness.call(.patch, "/devices/\(harness.accountID)", Harness.document("device", [:])),
      404, "NF001")
  }

  @Test func restartLogsAndLogsArePaged() throws {
    let harness = try Harness()
    let (_, devices) = try setup(harness)
    for key in [devices[0].id, devices[0].macAddress] {
      #expect(harness.call(.post, "/devices/\(key)/restart").status == 204)
      #expect(harness.call(.post, "/devices/\(key)/conditional_restart").status == 204)
    }
    let logs = harness.call(.get, "/devices/\(devices[0].id)/logs")
    #expect(logs.status == 200)
    let messages = logs.items.compactMap { $0["msg"]?.stringValue }
    #expect(messages.contains("Hello World, from your Device!"))
    #expect(logs.items.first?["type"] != nil && logs.items.first?["ts"] != nil)
    let one = harness.call(
      .get, "/devices/\(devices[0].id)/logs", query: [("page[number]", "1"), ("page[size]", "1")])
    #expect(one.items.count == 1)
    #expect(one.json["links"]?["next"] != nil)
  }

  @Test func logsAreNewestFirst() throws {
    let harness = try Harness()
    let device = try harness.sandbox.addDevices(count: 1)[0]
    for index in 1...20 {
      try harness.sandbox.emitLog(device: device.id, text: "line \(index)")
    }
    let page = harness.call(
      .get, "/devices/\(device.id)/logs", query: [("page[number]", "3"), ("page[size]", "5")])
    #expect(
      page.items.compactMap { $0["msg"]?.stringValue } == (6...10).reversed().map { "line \($0)" })
  }

  @Test func assignedDeviceCannotBeDeleted() throws {
    let harness = try Harness()
    let (group, devices) = try setup(harness)
    expectError(harness.call(.delete, "/devices/\(devices[0].id)"), 409, "CX009")
    _ = harness.call(
      .delete, "/devicegroups/\(group)/relationships/devices", Harness.devices([devices[0].id]))
    #expect(harness.call(.delete, "/devices/\(devices[0].id)").status == 204)
    expectError(harness.call(.get, "/devices/\(devices[0].id)"), 404, "NF001")
  }

  @Test func unassignedDeviceCannotBeRestarted() throws {
    let harness = try Harness()
    let device = try harness.sandbox.addDevices(count: 1)[0]
    expectError(harness.call(.post, "/devices/\(device.id)/restart"), 409, "CX011")
    expectError(harness.call(.post, "/devices/\(device.id)/conditional_restart"), 409, "CX011")
  }

  @Test func assignmentGivesAgentAndUnassignmentTakesIt() throws {
    let harness = try Harness()
    let product = try harness.product()
    let empty = try harness.group(.development, "Empty", product: product)
    let deployed = try harness.group(.development, "Deployed", product: product)
    _ = try harness.deploy(deployed)
    let device = try harness.sandbox.addDevices(count: 1)[0]
    try harness.assign([device.id], to: empty)
    #expect(harness.call(.get, "/devices/\(device.id)").attributes["agent_id"] == .null)
    try harness.assign([device.id], to: deployed)
    let moved = harness.call(.get, "/devices/\(device.id)")
    #expect(moved.attributes["agent_id"]?.stringValue?.count == 12)
    #expect(moved.data["relationships"]?["devicegroup"]?["id"]?.stringValue == deployed)
    let removed = harness.call(
      .delete, "/devicegroups/\(deployed)/relationships/devices", Harness.devices([device.id]))
    #expect(removed.status == 204)
    let after = harness.call(.get, "/devices/\(device.id)")
    #expect(after.attributes["agent_id"] == .null)
    #expect(after.attributes["agent_running"] == false)
    #expect(after.data["relationships"]?["devicegroup"] == nil)
  }

  @Test func newDeploymentGivesAgentsToAssignedDevices() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let device = try harness.sandbox.addDevices(count: 1)[0]
    try harness.assign([device.id], to: group)
    _ = try harness.deploy(group)
    #expect(harness.call(.get, "/devices/\(device.id)").attributes["agent_id"] != .null)
  }
}
