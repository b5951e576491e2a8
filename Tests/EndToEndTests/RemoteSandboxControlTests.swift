import Foundation
import ImpCentral
import ImpCentralSandbox
import ImptCommands
import ImptLanguage
import Testing

@testable import ImptShell

/// The `sandbox` commands' control of a served sandbox, over HTTP with the session's login.
@Suite struct RemoteSandboxControlTests {
  private func control(_ served: ServedShell, dryRun: Bool = false) throws
    -> RemoteSandboxControl
  {
    var client = served.shell.session.connection.client
    if dryRun { client.mode = .dryRun(PlanRecorder()) }
    let admin = try #require(served.shell.session.connection.servedSandbox)
    return RemoteSandboxControl(client: client, adminURL: admin)
  }

  @Test func addedDevicesAreTheAccountsAndListedByTheAPI() async throws {
    let served = try await ServedShell.start()
    defer { served.stop() }
    let ids = try await control(served).addDevices(
      count: 3, namePrefix: "bench", impType: nil, online: true)
    let listed = try await served.shell.session.connection.client.devices()
    #expect(ids.count == 3)
    #expect(Set(listed.map(\.id)) == Set(ids))
    #expect(Set(listed.compactMap(\.name)) == ["bench-1", "bench-2", "bench-3"])
  }

  @Test func refusalsKeepTheSandboxsIdAndRemedy() async throws {
    let served = try await ServedShell.start()
    defer { served.stop() }
    let control = try control(served)
    let id = try #require(
      try await control.addDevices(
        count: 1, namePrefix: nil, impType: nil, online: true
      ).first)
    await #expect {
      try await control.blinkup(deviceID: id)
    } throws: { error in
      guard let error = error as? SandboxFailure else { return false }
      return error.id == "sandbox.notBlessed" && error.message.contains(id)
        && error.help.first?.hasSuffix(".") == true
    }
  }

  @Test func aDryRunRecordsTheWriteAndChangesNothing() async throws {
    let served = try await ServedShell.start()
    defer { served.stop() }
    served.server.requests.reset()
    let ids = try await control(served, dryRun: true).addDevices(
      count: 2, namePrefix: nil, impType: nil, online: true)
    #expect(ids.isEmpty)
    #expect(served.server.requests.total == 0)
    #expect(try await served.shell.session.connection.client.devices().isEmpty)
  }

  @Test func logLinesAndOnlineChangesReachTheDevice() async throws {
    let served = try await ServedShell.start()
    defer { served.stop() }
    let control = try control(served)
    let client = served.shell.session.connection.client
    let id = try #require(
      try await control.addDevices(
        count: 1, namePrefix: nil, impType: nil, online: true
      ).first)
    try await control.emitLog(deviceID: id, text: "over the wire", type: "server.log")
    try await control.setOnline(deviceID: id, false)
    let logs = try await client.allDeviceLogs(id: id)
    #expect(logs.contains { $0.msg == "over the wire" })
    #expect(try await client.device(id: id).deviceOnline == false)
  }

  @Test func resetEmptiesTheServedSandboxUntilALoginStartsAgain() async throws {
    let served = try await ServedShell.start()
    defer { served.stop() }
    let control = try control(served)
    #expect(try await control.webhookFirings().isEmpty)
    _ = try await control.addDevices(count: 1, namePrefix: nil, impType: nil, online: true)
    try await control.reset()
    let account = SandboxAccounts.standard
    let client = served.shell.session.connection.client
    _ = try await client.login(id: account.username, password: Secret(account.password))
    #expect(try await client.devices().isEmpty)
  }
}
