import Foundation
import ImpCentral
import ImptShell
import Testing

/// `explain` and `--dry-run` plan the sandbox's hardware steps and logins; they never do
/// them.
@Suite struct DryRunSandboxTests {
  /// What the sandbox holds: devices, how many are online, and log lines of `fixture-1`.
  private static func state(_ shell: ScriptedShell) async -> String {
    let devices = await shell.capture("device list | count").out
    let online = await shell.capture("device list | where device_online == true | count").out
    let logs = await shell.capture("log get --device fixture-1 | count").out
    return "devices \(devices) online \(online) logs \(logs)"
  }

  @Test(arguments: [
    "sandbox device add --count 2",
    "sandbox offline --device fixture-1",
    "sandbox log --device fixture-1 --text hi",
    "sandbox reset",
    "sandbox reset --confirmed",
  ])
  func explainOfASandboxCommandChangesNothing(line: String) async throws {
    let shell = try await ScriptedShell.onSandbox()
    await shell.run("sandbox device add --count 1 --name fixture")
    let before = await Self.state(shell)

    let result = await shell.capture("explain \(line)")
    #expect(result.status == 0, "\(result.err)")
    #expect(result.err.contains("(not done, planned) sandbox: "), "\(result.err)")
    #expect(await Self.state(shell) == before, "explain \(line) changed the sandbox")
  }

  @Test func aDryRunOfSandboxResetKeepsTheDatabase() async throws {
    let folder = NSTemporaryDirectory() + "imptsh-dry-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/sandbox.sqlite"
    let setup = try await ScriptedShell.onSandbox(path: path)
    await setup.run("product create --name Kept; sandbox device add --count 3")

    let dry = try await ScriptedShell.onSandbox(path: path, dryRun: true)
    let result = await dry.capture("sandbox reset; sandbox device add --count 2")
    #expect(result.status == 0, "\(result.err)")

    let check = try await ScriptedShell.onSandbox(path: path)
    #expect(await check.capture("device list | count").out == "3\n")
    #expect(await check.capture("product list | get name | json").out.contains("Kept"))
  }

  @Test func explainOfAuthLoginLogsNobodyIn() async throws {
    let shell = try await ScriptedShell.onSandbox()
    await shell.run("auth logout")

    let result = await shell.capture("explain auth login --user sandbox --pwd sandbox")
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("would  POST /auth"), "\(result.out)")
    #expect(!result.out.contains("sandbox\"") && !result.err.contains("logged in"))
    let info = await shell.capture("auth info --output json")
    #expect(info.out.contains("\"logged_in\": false"), "\(info.out)")
  }

  @Test func explainOfAuthLoginAsAnotherAccountKeepsTheSessionsLogin() async throws {
    let shell = try await ScriptedShell.onSandbox()
    _ = await shell.capture("explain auth login --user twofactor --pwd twofactor --otp 123456")
    let info = await shell.capture("auth info | get username")
    #expect(info.out == "sandbox\n", "\(info.out)")
  }

  @Test func explainOfAuthLogoutKeepsTheLogin() async throws {
    let shell = try await ScriptedShell.onSandbox()
    let result = await shell.capture("explain auth logout")
    #expect(result.status == 0, "\(result.err)")
    #expect(await shell.capture("product list").status == 0)
  }
}
