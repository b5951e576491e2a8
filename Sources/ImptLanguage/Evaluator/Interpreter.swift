import Foundation

/// What running (or checking) some source came to.
public struct Outcome: Sendable {
  /// The exit status: 0 success, 1 a statement failed, 2 the input did not parse or
  /// check (nothing ran), or the status an `exit` gave.
  public var status: Int32
  /// The parse and check mistakes, or the runtime failure.
  public var diagnostics: [Diagnostic]
  /// Whether an `exit` statement ran: a script or shell should stop with `status`.
  public var exited: Bool
  /// Where secret values stand in the source; keep them out of history and recordings.
  public var secretRanges: [SourceRange]
  /// The text of every file the diagnostics point into, by name.
  public var sources: [String: String]

  /// Whether the input stopped early, so a continuation line would complete it; nothing
  /// ran.
  public var isUnfinished: Bool { diagnostics.isUnfinished }

  /// The diagnostics as text, with quoted source lines and secret values masked.
  public func render(style: DiagnosticRenderer.Style, color: Bool = false) -> String {
    DiagnosticRenderer(style: style, color: color, redacting: secretRanges)
      .render(diagnostics) { sources[$0] }
  }
}

/// Parses, checks and runs imptsh source, keeping variables and `$status` from one run
/// to the next, as a shell session does.
///
/// Nothing runs unless the whole input checks: a script with a mistake anywhere makes
/// no API call. Runs must not overlap; the shell awaits each before starting the next.
public actor Interpreter {
  private let catalogue: Catalogue
  private let host: any InterpreterHost
  private var evaluator: Evaluator
  private var texts: [String: String] = [:]

  /// Creates an interpreter. `arguments` are the script's `$1…`; `dryRun` sends commands
  /// that write to `InterpreterHost.plan` instead of running them.
  public init(
    catalogue: Catalogue, host: any InterpreterHost, arguments: [String] = [],
    scriptName: String = "imptsh",
    environment: [String: String] = ProcessInfo.processInfo.environment,
    dryRun: Bool = false
  ) {
    self.catalogue = catalogue
    self.host = host
    evaluator = Evaluator(
      catalogue: catalogue, host: host, arguments: arguments, scriptName: scriptName,
      environment: environment, dryRun: dryRun)
  }

  /// Parses, checks and, when all is well, runs `text`, which came from `file`.
  public func run(_ text: String, file: String) async -> Outcome {
    let checked = checkText(text, file: file)
    guard !checked.diagnostics.hasErrors else {
      return outcome(status: 2, checked.diagnostics, exited: false, checked.secretRanges)
    }
    var running = evaluator
    let result = await running.run(checked.program)
    evaluator = running
    for file in running.takeLoadedSources() { texts[file.path] = file.text }
    return outcome(
      status: result.status, result.diagnostics, exited: result.exited, checked.secretRanges)
  }

  /// Parses and checks `text` without running anything: `imptsh --check`.
  public func check(_ text: String, file: String) -> Outcome {
    let checked = checkText(text, file: file)
    let status: Int32 = checked.diagnostics.hasErrors ? 2 : 0
    return outcome(status: status, checked.diagnostics, exited: false, checked.secretRanges)
  }

  private func outcome(
    status: Int32, _ diagnostics: [Diagnostic], exited: Bool, _ secrets: [SourceRange]
  ) -> Outcome {
    var sources: [String: String] = [:]
    for diagnostic in diagnostics {
      let files = [diagnostic.range.file] + diagnostic.notes.compactMap { $0.range?.file }
      for file in files { sources[file] = texts[file] }
    }
    return Outcome(
      status: status, diagnostics: diagnostics, exited: exited, secretRanges: secrets,
      sources: sources)
  }

  /// The text of a file read so far, for showing the source line of a diagnostic.
  public func sourceText(of file: String) -> String? { texts[file] }

  /// The variables defined so far, for completion.
  public var variables: [String: Value] { evaluator.globals }

  /// The status of the last statement: 0 or 1.
  public var status: Int { evaluator.status }

  private func checkText(_ text: String, file: String) -> CheckResult {
    texts[file] = text
    let parsed = Parser.parse(text, file: file)
    let host = self.host
    let context = CheckContext(
      variables: evaluator.globalTypes, contextSlots: host.contextSlots(),
      isSandbox: host.isSandbox, canConfirm: host.canConfirm,
      loadSource: { try host.readSource($0, relativeTo: $1) })
    var checked = Checker.check(parsed.script, catalogue: catalogue, context: context)
    for source in checked.sources { texts[source.path] = source.text }
    checked.diagnostics = (parsed.diagnostics + checked.diagnostics).inSourceOrder()
    return checked
  }
}
