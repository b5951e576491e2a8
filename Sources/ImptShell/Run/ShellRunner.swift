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
    if outcome.status == 0, !outcome.exited {
      session.record(text, file: file, secrets: outcome.secretRanges)
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
  ///
  /// A question answered no is no mistake: it shows as a plain `cancelled:` note. Text
  /// from the service has its control characters escaped; a connection failure says
  /// which backend is in use and why.
  func report(_ outcome: Outcome) {
    guard !outcome.diagnostics.isEmpty else { return }
    var shown = outcome
    let cancelled = shown.diagnostics.filter { $0.id == Self.cancelledID }
    shown.diagnostics.removeAll { $0.id == Self.cancelledID }
    for diagnostic in cancelled {
      session.note("cancelled: " + diagnostic.message)
    }
    guard !shown.diagnostics.isEmpty else { return }
    let backend = BackendHelp(connection: session.connection)
    shown.diagnostics = shown.diagnostics.map { backend.explained(Self.escaped($0)) }
    let freshLine =
      session.isInteractive && shown.diagnostics.contains { $0.id == Self.interruptedID }
    let text = shown.render(style: diagnosticStyle, color: session.render.color)
    session.output.err((freshLine ? "\n" : "") + text)
  }

  /// The id of a command the user declined at its question.
  static let cancelledID = "command.cancelled"
  /// The id of a statement stopped by Ctrl-C.
  static let interruptedID = "run.interrupted"

  /// The diagnostic with control characters in its messages shown as escapes.
  private static func escaped(_ diagnostic: Diagnostic) -> Diagnostic {
    var copy = diagnostic
    copy.message = copy.message.escapingControlCharacters
    copy.help = copy.help.map(\.escapingControlCharacters)
    copy.notes = copy.notes.map { note in
      Diagnostic.Note(note.message.escapingControlCharacters, at: note.range)
    }
    return copy
  }
}
