import Foundation
import ImptCommands
import ImptLanguage

/// The read–run loop: prompt, read an entry, run it, show its result, repeat.
///
/// On a terminal it uses the line editor (history, completion, Ctrl-C); otherwise it
/// reads lines plainly with no prompt noise and exits with the worst status it saw.
struct REPL {
  let session: ShellSession
  let setup: SessionSetup

  @available(*, noasync)
  func run() -> Int32 {
    let interactive = Terminal.isInteractive
    let runner = ShellRunner(
      session: session, environment: setup.environment,
      diagnosticStyle: interactive ? .caret : .plain)
    let reader = makeReader(runner, interactive: interactive)
    session.showsWriteResults = interactive
    session.isInteractive = interactive
    if interactive { greet(reader) }
    var worst: Int32 = 0
    var linesRead = 0
    while true {
      switch reader.readLine(prompt: promptText, continuation: "...> ") {
      case .endOfInput:
        // Ctrl-D leaves the cursor after the prompt; the shell's own prompt comes next.
        if interactive { session.output.out("\n") }
        return interactive ? 0 : worst
      case .interrupted:
        continue
      case .line(let entry):
        // Piped input is one stream: blank lines in front keep diagnostics at its lines.
        let offset = interactive ? "" : String(repeating: "\n", count: linesRead)
        linesRead += entry.split(separator: "\n", omittingEmptySubsequences: false).count
        guard !entry.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
        let (status, exited) = run(offset + entry, runner)
        setup.progress?.clear()
        if exited { return status }
        worst = max(worst, status)
      }
    }
  }

  @available(*, noasync)
  private func run(_ entry: String, _ runner: ShellRunner) -> (status: Int32, exited: Bool) {
    Interrupts.clear()
    do {
      let outcome = try runBlocking {
        try await interruptible { await runner.run(entry, file: "<stdin>") }
      }
      return (outcome.status, outcome.exited)
    } catch {
      // The terminal echoed `^C` where the cursor was; the message starts on a line of
      // its own.
      let freshLine = session.isInteractive ? "\n" : ""
      session.output.err(freshLine + ErrorText.describe(InterruptedError()) + "\n")
      return (1, false)
    }
  }

  private var promptText: String {
    let colors = Colors(isEnabled: session.render.color)
    let prompt = session.prompt
    let label = session.connection.label
    guard prompt.hasPrefix(label) else { return prompt }
    let styled = session.connection.isEmulated ? colors.green(label) : colors.yellow(label)
    return colors.bold(styled) + prompt.dropFirst(label.count)
  }

  private func greet(_ reader: any LineReader) {
    let colors = Colors(isEnabled: session.render.color)
    session.output.err(
      colors.bold("imptsh \(ShellModule.version)") + " — " + session.connection.banner + "\n"
        + colors.dim("type 'help' for commands and the language, Ctrl-D to leave") + "\n")
    if let problem = (reader as? LineEditor)?.historyProblem {
      session.note("history is off: \(problem)")
    }
  }

  private func makeReader(_ runner: ShellRunner, interactive: Bool) -> any LineReader {
    let isComplete: (String) -> Bool = Parser.isComplete
    guard interactive else { return PlainLineReader(isComplete: isComplete) }
    let catalogue = session.catalogue
    let folder = session.workingFolder
    let completer = CommandCompleter(
      commands: catalogue.commands, statementWords: Self.statementWords,
      helpTopics: Checker.languageTopics, entityNames: EntityNameCache(session: session).names,
      files: FileCompletion(workingFolder: { folder }).candidates)
    let rules = EntryRules(
      isComplete: isComplete, redact: HistoryRedactor(catalogue: catalogue.commands).redact)
    return LineEditor(
      historyFile: session.dataFolder.historyPath, completer: completer, rules: rules)
      ?? PlainLineReader(isComplete: isComplete)
  }

  static let statementWords = [
    "use", "let", "set", "if", "for", "assert", "source", "exit", "sleep", "try", "echo", "explain",
    "record", "help", "impt",
  ]
}

/// Ctrl-C stopped the statement that was running.
struct InterruptedError: UserFacingError {
  var id: String { "run.interrupted" }
  var message: String { "interrupted" }
}
