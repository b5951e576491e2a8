import Foundation
import ImpCentral
import ImpCentralSandbox
import ImptShell

@testable import ImptCommands
@testable import ImptLanguage

/// A `ScriptedShell` (a whole session on a fresh in-memory sandbox) with the questions
/// these tests ask of it: the value a line gives, the error it fails with, the notes and
/// lines it printed.
struct LineRunner: Sendable {
  let shell: ScriptedShell
  /// The terminal the session asks its questions at.
  let terminal: ScriptedInteraction

  /// Opens a session logged in to a fresh sandbox as its seeded account.
  ///
  /// `onSandbox: false` takes the sandbox away from the session, as if the backend were
  /// the real service: the checker refuses `sandbox` commands.
  static func make(interactive: Bool = false, onSandbox: Bool = true) async throws
    -> LineRunner
  {
    let terminal = ScriptedInteraction(isInteractive: interactive)
    let shell = try await ScriptedShell.onSandbox(interaction: terminal)
    if !onSandbox { shell.session.connection.sandbox = nil }
    return LineRunner(shell: shell, terminal: terminal)
  }

  /// The session's client, for checking the sandbox's state through the API.
  var client: ImpCentralClient { shell.session.connection.client }

  /// Runs `text` as one entry.
  @discardableResult
  func run(_ text: String) async -> Outcome { await shell.run(text) }

  /// Runs `text`, expecting success.
  func ok(_ text: String) async throws {
    let outcome = await run(text)
    guard outcome.status == 0 else { throw RunFailure(line: text, outcome.diagnostics) }
  }

  /// Runs the pipeline `text` into a variable, expecting success; returns its value.
  @discardableResult
  func value(_ text: String) async throws -> Value {
    try await ok("let result = \(text)")
    return await shell.runner.interpreter.variables["result"] ?? .null
  }

  /// Runs `text`, expecting it to fail; returns the first diagnostic.
  func failure(_ text: String) async throws -> Diagnostic {
    let outcome = await run(text)
    guard outcome.status != 0, let first = outcome.diagnostics.first else {
      throw RunFailure(line: text, [])
    }
    return first
  }

  /// The notes and errors printed so far, a line each.
  var notes: [String] { Self.lines(shell.output.standardError) }

  /// The results and streamed lines printed so far, a line each.
  var printed: [String] { Self.lines(shell.output.standardOutput) }

  /// The log lines printed so far (`[DEVICE] TS [TYPE] MSG`), as device, type and message.
  var printedLogLines: [(device: String?, type: String, msg: String)] {
    printed.compactMap(Self.logLine)
  }

  /// The messages of the log lines printed so far, in order.
  var printedLogMessages: [String] { printedLogLines.map(\.msg) }

  private static func logLine(_ line: String) -> (device: String?, type: String, msg: String)? {
    var rest = Substring(line)
    var device: String?
    if rest.hasPrefix("["), let close = rest.range(of: "] ") {
      device = String(rest[rest.index(after: rest.startIndex)..<close.lowerBound])
      rest = rest[close.upperBound...]
    }
    guard let open = rest.range(of: " ["), let close = rest.range(of: "] ") else { return nil }
    return (
      device, String(rest[open.upperBound..<close.lowerBound]), String(rest[close.upperBound...])
    )
  }

  private static func lines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init)
  }
}

/// A line that did not do what the test expected.
struct RunFailure: Error, CustomStringConvertible {
  let line: String
  let diagnostics: [Diagnostic]

  init(line: String, _ diagnostics: [Diagnostic]) {
    self.line = line
    self.diagnostics = diagnostics
  }

  var description: String {
    let found = diagnostics.map { "\($0.id): \($0.message)" }.joined(separator: "; ")
    return "'\(line)' " + (diagnostics.isEmpty ? "did not fail" : "failed: " + found)
  }
}
