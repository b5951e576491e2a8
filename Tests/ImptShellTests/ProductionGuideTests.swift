import Foundation
import ImptShell
import Testing

/// `scripts/production-guide.imptsh`, the impt Production Guide as a script, on a fresh
/// in-memory sandbox.
@Suite struct ProductionGuideTests {
  static let scriptPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scripts/production-guide.imptsh").path

  @Test func theGuideRunsToTheEndAndShowsWhatItTalksAbout() async throws {
    let text = try String(contentsOfFile: Self.scriptPath, encoding: .utf8)
    let shell = try await ScriptedShell.onSandbox()
    let outcome = await shell.run(text, file: Self.scriptPath)
    let out = shell.output.standardOutput
    let err = shell.output.standardError

    #expect(outcome.status == 0, "\(err)")
    #expect(out.contains("refused as expected: a factory device group needs a DUT target"))
    #expect(out.contains("--dg-type dut"), "the refusal should say how to fix it")
    #expect(err.contains("blessed 5 devices on the line of 'MyFactoryDG'"))
    #expect(Self.lines(out, matching: "^blessing +http://127.0.0.1:9/myproduct/blessed$") == 5)
    #expect(Self.lines(out, matching: "^blinkup +http://127.0.0.1:9/myproduct/activated$") == 1)
    #expect(err.contains("set the minimum supported build of 'MyProductionDG'"))
    #expect(err.contains("asked 5 devices of 'MyProductionDG' to conditionally restart"))
    #expect(out.contains("refused as expected: build"), "deleting a flagged build must fail")
    #expect(err.contains("unassigned 4 devices from 'MyProductionDG'"))
    #expect(err.contains("deleted product 'MyProduct'"))
    #expect(out.hasSuffix("(no items)\n"), "the guide should end with no products left")
  }

  @Test func theGuideChecksWithoutErrors() async throws {
    let text = try String(contentsOfFile: Self.scriptPath, encoding: .utf8)
    let shell = try await ScriptedShell.onSandbox()
    let outcome = await shell.runner.check(text, file: Self.scriptPath)
    #expect(outcome.status == 0, "\(shell.output.standardError)")
  }

  private static func lines(_ text: String, matching pattern: String) -> Int {
    text.split(separator: "\n").filter {
      $0.range(of: pattern, options: .regularExpression) != nil
    }.count
  }
}
