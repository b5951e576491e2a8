import Foundation
import ImptShell
import Testing

@Suite struct RecordingTests {
  private func temporaryFolder() throws -> String {
    let folder = NSTemporaryDirectory() + "imptsh-record-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func aRecordingReplaysToTheSameStateOnAFreshSandbox() async throws {
    let folder = try temporaryFolder()
    let shell = try await ScriptedShell.onSandbox(workingFolder: folder)
    for line in [
      "record start setup.imptsh",
      "product create --name MyProduct --descr \"Thermostat\"",
      "dg create --name MyDevDG --product MyProduct",
      "dg create --name Typo --nmae oops",
      "use dg MyDevDG",
      "dg update --descr \"application development\"",
      "record stop",
      "product create --name NotRecorded",
    ] {
      await shell.run(line)
    }
    let script = try String(contentsOfFile: folder + "/setup.imptsh", encoding: .utf8)
    #expect(!script.contains("Typo"), "a failed line was recorded")
    #expect(!script.contains("NotRecorded"))

    let replay = try await ScriptedShell.onSandbox(workingFolder: folder)
    let outcome = await replay.run(script, file: folder + "/setup.imptsh")
    #expect(outcome.status == 0)
    let original = await shell.capture("dg list --product MyProduct --output json")
    let copy = await replay.capture("dg list --product MyProduct --output json")
    #expect(Self.withoutIDs(original.out) == Self.withoutIDs(copy.out))
  }

  @Test func recordingsLeaveSecretsOut() async throws {
    let folder = try temporaryFolder()
    let shell = try await ScriptedShell.onSandbox(workingFolder: folder)
    await shell.run("record start login.imptsh")
    await shell.run("auth login --user sandbox --pwd sandbox")
    await shell.run("record stop")
    let script = try String(contentsOfFile: folder + "/login.imptsh", encoding: .utf8)
    #expect(script.contains("auth login --user sandbox --pwd ***"), "\(script)")
  }

  private static func withoutIDs(_ json: String) -> String {
    json.split(separator: "\n")
      .filter { line in
        !["\"id\"", "_at\"", "\"product\"", "\"owner\"", "\"creator\""]
          .contains { line.contains($0) }
      }
      .joined(separator: "\n")
  }
}
