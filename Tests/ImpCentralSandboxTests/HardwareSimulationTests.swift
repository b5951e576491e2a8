import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

@Suite struct HardwareSimulationTests {
  @Test func addedDevicesAreUnassignedAndNamed() throws {
    let harness = try Harness()
    let devices = try harness.sandbox.addDevices(count: 3, namePrefix: "bench", online: false)
    #expect(devices.map(\.name) == ["bench-1", "bench-2", "bench-3"])
    #expect(devices.allSatisfy { !$0.online && $0.agentID == nil && $0.deviceGroupID == nil })
    #expect(Set(devices.map(\.macAddress)).count == 3)
    let more = try harness.sandbox.addDevices(count: 1, namePrefix: "bench")
    #expect(more[0].name == "bench-4")
    #expect(more[0].impType == "imp006")
  }

  @Test(
    arguments: [
      (0, "imp006", "sandbox.invalidArgument"),
      (1, "imp999", "sandbox.invalidArgument"),
    ])
  func badDeviceRequestsAreRefused(count: Int, impType: String, id: String) throws {
    let harness = try Harness()
    #expect(throws: SandboxError.self) {
      try harness.sandbox.addDevices(count: count, impType: impType)
    }
    do {
      _ = try harness.sandbox.addDevices(count: count, impType: impType)
    } catch {
      #expect(error.id == id)
      #expect(error.message.first?.isLowercase == true)
    }
  }

  @Test func factoryBlessesDevicesIntoProductionAndFiresWebhooks() throws {
    let harness = try Harness()
    let line = try harness.factoryLine()
    _ = try harness.deploy(
      line.factory, type: .factory, device: #"server.log("fixture ready");"#)
    _ = try harness.deploy(
      line.production, type: .production, device: #"server.log("production boot");"#)
    _ = try harness.webhook(
      line.production, type: .production, url: "http://127.0.0.1:1/bless", event: "blessing")

    let made = try harness.sandbox.runFactory(fixtureGroup: line.factory, count: 3)
    #expect(made.count == 3)
    #expect(made.allSatisfy { $0.blessed && $0.deviceGroupID == line.production && !$0.online })
    let listed = harness.call(
      .get, "/devices", query: [("filter[devicegroup.id]", line.production)])
    #expect(listed.items.count == 3)

    let firings = try harness.sandbox.webhookFirings()
    #expect(firings.map(\.event) == ["blessing", "blessing", "blessing"])
    #expect(firings.map { $0.payload["device_id"]?.stringValue } == made.map(\.id))
    #expect(
      firings.allSatisfy { $0.url == "http://127.0.0.1:1/bless" && $0.payload["success"] == true })
    #expect(harness.deliverer.firings.count == 3)

    let fixtureLogs = harness.call(.get, "/devices/\(line.fixture)/logs").items
    #expect(fixtureLogs.filter { $0["msg"] == "fixture ready" }.count == 3)
    let deviceLogs = harness.call(.get, "/devices/\(made[0].id)/logs").items
    #expect(
      deviceLogs.contains { $0["msg"] == "production boot" && $0["log_type"] == "production" })
  }

  @Test func factoryWithoutLoadCodeWaitsForBlinkup() throws {
    let harness = try Harness()
    let line = try harness.factoryLine(loadCode: false)
    _ = try harness.deploy(line.factory, type: .factory)
    _ = try harness.deploy(
      line.production, type: .production, device: #"server.log("production boot");"#)
    _ = try harness.webhook(
      line.production, type: .production, url: "http://example.test/up", event: "blinkup",
      contentType: "application/x-www-form-urlencoded")
    let device = try harness.sandbox.runFactory(fixtureGroup: line.factory, count: 1)[0]
    #expect(device.agentID == nil)
    let before = harness.call(.get, "/devices/\(device.id)/logs").items
    #expect(!before.contains { $0["msg"] == "production boot" })

    let activated = try harness.sandbox.blinkup(device: device.macAddress)
    #expect(activated.online && activated.agentID != nil)
    let after = harness.call(.get, "/devices/\(device.id)/logs").items
    #expect(after.contains { $0["msg"] == "production boot" })
    let firing = try #require(try harness.sandbox.webhookFirings().last)
    #expect(firing.event == "blinkup")
    #expect(firing.payload["device_id"]?.stringValue == device.id)
    #expect(firing.payload["plan_id"] != nil && firing.payload["token"] != nil)
    #expect(String(decoding: firing.body, as: UTF8.self).contains("device_id=\(device.id)"))
    #expect(harness.deliverer.firings.isEmpty)
  }

  @Test func factoryRefusalsAreStructured() throws {
    let harness = try Harness()
    let product = try harness.product()
    let development = try harness.group(.development, "Dev", product: product)
    let line = try harness.factoryLine()
    let empty = try harness.group(
      .factory, "Empty", product: line.product, production: line.production, dut: line.dut)
    _ = try harness.deploy(empty, type: .factory)
    let cases: [(String, String)] = [
      ("nope", "sandbox.notFound"), (development, "sandbox.wrongGroupType"),
      (line.factory, "sandbox.noDeployment"), (empty, "sandbox.noFixture"),
    ]
    for (group, id) in cases {
      do {
        _ = try harness.sandbox.runFactory(fixtureGroup: group, count: 1)
        Issue.record("factory on '\(group)' ran")
      } catch {
        #expect(error.id == id)
        #expect(error.help != nil)
      }
    }
    let loose = try harness.sandbox.addDevices(count: 1)[0]
    #expect(throws: SandboxError.self) { try harness.sandbox.blinkup(device: loose.id) }
  }

  @Test func onlineOfflineAndLogsShowInTheApi() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    _ = try harness.deploy(group, device: #"server.log("booted");"#)
    let device = try harness.sandbox.addDevices(count: 1, online: false)[0]
    try harness.assign([device.id], to: group)
    #expect(
      !harness.call(.get, "/devices/\(device.id)/logs").items.contains { $0["msg"] == "booted" })
    try harness.sandbox.setOnline(device: device.id, true)
    let shown = harness.call(.get, "/devices/\(device.id)")
    #expect(shown.attributes["device_online"] == true)
    #expect(
      harness.call(.get, "/devices/\(device.id)/logs").items.contains { $0["msg"] == "booted" })
    try harness.sandbox.setOnline(device: device.id, false)
    #expect(harness.call(.get, "/devices/\(device.id)").attributes["device_online"] == false)
    try harness.sandbox.emitLog(device: device.id, text: "oops", type: "server.error")
    let newest = harness.call(.get, "/devices/\(device.id)/logs").items.first
    #expect(newest?["type"] == "server.error" && newest?["msg"] == "oops")
    #expect(throws: SandboxError.self) {
      try harness.sandbox.emitLog(device: device.id, text: "x", type: "bogus")
    }
  }

  @Test func conditionalRestartSparesDevicesWithShutdownHandlers() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    _ = try harness.deploy(
      group, device: #"server.onshutdown(function(r) {}); server.log("v1 up");"#)
    let device = try harness.sandbox.addDevices(count: 1)[0]
    try harness.assign([device.id], to: group)
    #expect(harness.call(.post, "/devicegroups/\(group)/conditional_restart").status == 204)
    let logs = harness.call(.get, "/devices/\(device.id)/logs").items.compactMap {
      $0["msg"]?.stringValue
    }
    #expect(logs.first == "Shutdown requested: SHUTDOWN_NEWSQUIRREL")
  }

  @Test func resetStartsOver() throws {
    let harness = try Harness()
    _ = try harness.product()
    _ = try harness.sandbox.addDevices(count: 2)
    try harness.sandbox.reset()
    expectError(harness.call(.get, "/products"), 401, "PX102")
    let fresh = try Harness.login(harness.sandbox, "sandbox", "sandbox")
    #expect(harness.call(.get, "/products", token: fresh).items.isEmpty)
    #expect(harness.call(.get, "/devices", token: fresh).items.isEmpty)
  }
}
