import Foundation
import ImptShell
import Testing

/// The example scripts, run on a sandbox whose clock and ids are fixed, print exactly
/// what their golden files hold. `IMPTSH_UPDATE_GOLDEN=1 swift test --filter Golden`
/// rewrites the files after a deliberate change; review the diff before committing.
@Suite struct GoldenScriptTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let scripts = [
    ("scripts/examples/fleet-report.imptsh", [String]()),
    ("scripts/examples/release.imptsh", ["RC9"]),
    ("scripts/production-guide.imptsh", []),
  ]

  @Test(arguments: scripts.map(\.0))
  func scriptPrintsItsGoldenOutput(_ path: String) async throws {
    let arguments = Self.scripts.first { $0.0 == path }?.1 ?? []
    let transcript = try await Self.transcript(of: path, arguments: arguments)
    let name = (path as NSString).lastPathComponent.replacingOccurrences(
      of: ".imptsh", with: ".golden")
    let golden = Self.root.appendingPathComponent("Tests/ImptShellTests/Golden/" + name)
    if ProcessInfo.processInfo.environment["IMPTSH_UPDATE_GOLDEN"] == "1" {
      try transcript.write(to: golden, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: golden, encoding: .utf8)
    #expect(transcript == expected, "\(path) printed something else; see its golden file")
  }

  @Test func aRepeatableSandboxPrintsTheSameTwice() async throws {
    let first = try await Self.transcript(of: "scripts/examples/fleet-report.imptsh")
    let second = try await Self.transcript(of: "scripts/examples/fleet-report.imptsh")
    #expect(first == second)
  }

  /// What a script prints, results then notes, with its exit status.
  static func transcript(of path: String, arguments: [String] = []) async throws -> String {
    let file = root.appendingPathComponent(path).path
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let shell = try await ScriptedShell.onSandbox(
      workingFolder: root.path, arguments: arguments, repeatable: true,
      showsWriteResults: false)
    let outcome = await shell.run(text, file: path)
    return "status: \(outcome.status)\n--- standard output\n" + shell.output.standardOutput
      + "--- standard error\n" + shell.output.standardError
  }
}
