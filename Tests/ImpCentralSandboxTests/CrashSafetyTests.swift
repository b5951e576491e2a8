import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

/// Kills a process that writes to a sandbox file at random moments, then checks the file.
@Suite struct CrashSafetyTests {
  /// Output lines of a probe run, collected as they arrive.
  final class Output: @unchecked Sendable {
    // Safe: `data` is only touched while holding `lock`.
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) { lock.withLock { data.append(chunk) } }

    /// The complete lines so far (a line cut by the kill is not acknowledged).
    var lines: [String] {
      let text = lock.withLock { String(decoding: data, as: UTF8.self) }
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      lines.removeLast()
      return lines
    }
  }

  /// The probe binary next to the test bundle, where `swift build` puts executables.
  static func probeURL() -> URL? {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      Bundle.main.bundleURL.deletingLastPathComponent(),
      Bundle.main.bundleURL,
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug"),
    ]
    return candidates.map { $0.appendingPathComponent("SandboxCrashProbe") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// Runs the probe until it has acknowledged something, waits a random moment, kills it.
  static func runAndKill(_ probe: URL, database: String) throws -> [String] {
    let process = Process()
    process.executableURL = probe
    process.arguments = [database]
    let pipe = Pipe()
    let output = Output()
    process.standardOutput = pipe
    pipe.fileHandleForReading.readabilityHandler = { output.append($0.availableData) }
    try process.run()
    var waited = 0
    while output.lines.isEmpty, process.isRunning, waited < 3000 {
      Thread.sleep(forTimeInterval: 0.01)
      waited += 1
    }
    Thread.sleep(forTimeInterval: Double.random(in: 0...0.4))
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    pipe.fileHandleForReading.readabilityHandler = nil
    output.append(pipe.fileHandleForReading.readDataToEndOfFile())
    return output.lines
  }

  @Test func killedWriterLosesNothingAcknowledged() throws {
    let probe = try #require(Self.probeURL(), "build SandboxCrashProbe first (swift build)")
    let database = FileManager.default.temporaryDirectory
      .appendingPathComponent("crash-\(UUID().uuidString).sqlite").path
    defer {
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: database + suffix)
      }
    }
    var acknowledged: [String] = []
    for _ in 0..<4 {
      let lines = try Self.runAndKill(probe, database: database)
      #expect(!lines.isEmpty, "the probe acknowledged nothing")
      acknowledged += lines
      try Self.verify(database, acknowledged)
    }
  }

  /// Reopens the database and checks integrity, every acknowledged write, and that no
  /// write is half done.
  static func verify(_ database: String, _ acknowledged: [String]) throws {
    let sandbox = try Sandbox(path: database, deliverer: NoWebhookDeliverer())
    #expect(try sandbox.integrityCheck() == ["ok"])
    try sandbox.perform(write: false) { tx in
      try checkAcknowledged(acknowledged, tx.db)
      try checkWhole(tx.db)
    }
  }

  private static func checkAcknowledged(_ lines: [String], _ db: Database) throws {
    for line in lines {
      let words = line.split(separator: " ").map(String.init)
      switch words.first {
      case "product":
        #expect(try db.exists("SELECT 1 FROM products WHERE id = ?", [.text(words[1])]), "\(line)")
      case "group":
        #expect(
          try db.exists(
            "SELECT 1 FROM devicegroups WHERE id = ? AND product_id = ?",
            [.text(words[1]), .text(words[2])]), "\(line)")
      case "deployment":
        #expect(
          try db.exists(
            "SELECT 1 FROM deployments WHERE id = ? AND devicegroup_id = ?",
            [.text(words[1]), .text(words[2])]), "\(line)")
      case "devices":
        let count = try db.first(
          "SELECT count(*) FROM devices WHERE substr(name, 1, ?) = ?",
          [.int(words[1].count + 1), .text(words[1] + "-")]
        ) { $0.int(0) }
        #expect(count == Int(words[2]), "\(line)")
      case "assigned":
        let count = try db.first(
          "SELECT count(*) FROM devices WHERE devicegroup_id = ? AND agent_id IS NOT NULL",
          [.text(words[1])]
        ) { $0.int(0) }
        #expect(count == Int(words[2]), "\(line)")
      default:
        Issue.record("unexpected probe output '\(line)'")
      }
    }
  }

  private static func checkWhole(_ db: Database) throws {
    #expect(try db.query("PRAGMA foreign_key_check") { $0.text(0) }.isEmpty)
    let batches = try db.query(
      "SELECT count(*) FROM devices GROUP BY rtrim(name, '0123456789')"
    ) { $0.int(0) }
    #expect(batches.allSatisfy { $0 == 20 }, "a device batch is half written: \(batches)")
    let orphanDeployments = try db.first(
      """
      SELECT count(*) FROM deployments p JOIN devicegroups g ON g.id = p.devicegroup_id
      WHERE g.current_deployment_id IS NULL
      """
    ) { $0.int(0) }
    #expect(orphanDeployments == 0, "a deployment exists without being its group's current")
    let partlyAssigned = try db.query(
      "SELECT count(*) FROM devices GROUP BY rtrim(name, '0123456789'), devicegroup_id"
    ) { $0.int(0) }
    #expect(partlyAssigned.allSatisfy { $0 == 20 }, "a batch is partly assigned")
  }
}
