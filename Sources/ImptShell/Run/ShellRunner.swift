import Foundation
import ImptLanguage

/// Runs imptsh source in a session and reports what went wrong.
///
/// One runner serves a whole session or script: variables and `$status` carry over from
/// one entry to the next.
public struct ShellRunner: Sendable {
  public let session: ShellSession
  public let interpreter: Interpreter
  /// How diagnostics show their place: a caret under the line, or `FILE:LINE:COL`.
  public var diagnosticStyle: DiagnosticRenderer.Style

  /// Creates a runner for a session.
  public init(
    session: ShellSession, arguments: [String] = [], scriptName: String = "imptsh",
    environment: [String: String] = ProcessInfo.processInfo.environment,
    diagnosticStyle: DiagnosticRenderer.Style = .plain
  ) {
    self.session = session
    self.diagnosticStyle = diagnosticStyle
    interpreter = Interpreter(
      catalogue: session.catalogue, host: ShellHost(session: session), arguments: arguments,
      scriptName: scriptName, environment: environment, dryRun: session.dryRun)
  }

  /// Parses, checks and runs `text`; prints its diagnostics; records it when recording.
  public func run(_ text: String, file: String) async -> Outcome {
    let outcome = await interpreter.run(text, file: file)
    report(outcome)
    if outcome.status == 0, !outcome.exited, let recording = session.recording,
      !Self.isRecordStatement(text)
    {
      recording.append(text, secrets: outcome.secretRanges)
    }
    return outcome
  }

  /// Parses and checks `text` without running anything.
  public func check(_ text: String, file: String) async -> Outcome {
    let outcome = await interpreter.check(text, file: file)
    report(outcome)
    return outcome
  }

  /// Prints the diagnostics of an outcome to standard error.
  func report(_ outcome: Outcome) {
    guard !outcome.diagnostics.isEmpty else { return }
    session.output.err(outcome.render(style: diagnosticStyle, color: session.render.color))
  }

  private static func isRecordStatement(_ text: String) -> Bool {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.hasPrefix("record ")
  }
}
