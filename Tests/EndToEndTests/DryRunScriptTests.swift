import Foundation
import Testing

/// `--dry-run` carries a script through, planning every write and changing nothing
/// (regression: the Production Guide stopped at its second line, because the product it
/// had just planned was invisible to the next command).
@Suite(.timeLimit(.minutes(3)))
struct DryRunScriptTests {
  @Test func theProductionGuideRunsToTheEndAsADryRunAndChangesNothing() async throws {
    let guide = ImptshBinary.packageRoot + "/scripts/production-guide.imptsh"
    try #require(FileManager.default.fileExists(atPath: guide), "no guide at \(guide)")
    let home = try TestHome()
    defer { home.remove() }
    let sandbox = ["--sandbox", home.root + "/guide.db"]

    let planned = try await home.run(sandbox + ["--dry-run", guide], seconds: 150)
    #expect(planned.status == 0, "\(planned)")
    #expect(planned.out.contains("== Cleaning up"), "\(planned)")
    #expect(planned.err.contains("(not done, planned) created product 'MyProduct'"))
    #expect(planned.err.contains("(not done, planned) deleted product 'MyProduct'"))
    #expect(planned.out.contains("refused as expected: build planned-"), "\(planned.out)")

    let after = try await home.run(
      sandbox + ["-c", "product list --output json; device list --output json"])
    #expect(after.status == 0, "\(after)")
    #expect(after.out.split(separator: "\n") == ["[]", "[]"], "\(after)")
  }
}
