import Foundation
import ImptShell

/// The demo's read–run loop on the real terminal layer.
///
/// Every entry is echoed as `ran: ENTRY`; `sleep N` waits N seconds and stops on Ctrl-C
/// with `error: interrupted`; `ask QUESTION` confirms and `secret` reads a password, both
/// from inside a running command as real commands will; `exit` or Ctrl-D ends it with
/// status 0.
struct DemoShell {
  let colors: Colors

  /// Creates the demo from its command-line arguments (`--no-color`).
  init(arguments: [String]) {
    colors = Colors(
      noColorFlag: arguments.contains("--no-color"),
      environment: ProcessInfo.processInfo.environment,
      outputIsTerminal: Terminal.outputIsTerminal)
  }

  /// Runs until the end of input; returns the exit status.
  func run() -> Int32 {
    Interrupts.install()
    let reader = makeReader()
    if let problem = (reader as? LineEditor)?.historyProblem { print("warning: \(problem)") }

    let prompt = colors.bold(colors.cyan("repl-demo")) + "> "
    while true {
      switch reader.readLine(prompt: prompt, continuation: "...> ") {
      case .endOfInput: return 0
      case .interrupted: continue
      case .line(let entry):
        if entry.trimmingCharacters(in: .whitespaces) == "exit" { return 0 }
        perform(entry)
      }
    }
  }

  private func makeReader() -> any LineReader {
    let rules = EntryRules(
      isComplete: Self.isComplete,
      redact: HistoryRedactor(catalogue: DemoCatalogue.commands).redact)
    guard Terminal.isInteractive else { return PlainLineReader(isComplete: Self.isComplete) }

    let completer = CommandCompleter(
      commands: DemoCatalogue.commands,
      statementWords: DemoCatalogue.statementWords,
      entityNames: DemoCatalogue.entityNames, variableNames: { ["rc", "release"] })
    let editor = LineEditor(
      programName: "imptsh", historyFile: Self.historyFile, completer: completer, rules: rules)
    return editor ?? PlainLineReader(isComplete: Self.isComplete)
  }

  private func perform(_ entry: String) {
    let words = entry.split(separator: " ").map(String.init)
    do {
      switch words.first {
      case "sleep" where words.count == 2 && Int(words[1]) != nil:
        let seconds = Int(words[1]) ?? 0
        try run { try await Task.sleep(for: .seconds(seconds)) }
        print("slept \(seconds) s")
      case "ask":
        let question = words.dropFirst().joined(separator: " ")
        let yes = try run { try TerminalPrompts().confirm(question) }
        print("answer: \(yes ? "yes" : "no")")
      case "secret":
        let secret = try run { try TerminalPrompts().readSecret("password: ") }
        print(secret.map { "secret has \($0.count) characters" } ?? "no secret")
      default:
        if !entry.isEmpty { print("ran: \(entry)") }
      }
    } catch is CancellationError {
      print(colors.red("error:") + " interrupted")
    } catch {
      print(colors.red("error:") + " \(error)")
    }
  }

  /// Runs a command's work as the real shell will: async, interruptible, main thread waiting.
  private func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    try runBlocking { try await interruptible(work) }
  }

  /// `$XDG_DATA_HOME/imptsh/repl-demo-history`, or under `~/.local/share`.
  private static var historyFile: String {
    let environment = ProcessInfo.processInfo.environment
    let data =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (NSHomeDirectory() + "/.local/share")
    return data + "/imptsh/repl-demo-history"
  }

  /// Unfinished: an odd number of double quotes, an open `{`, or a trailing `|`.
  static func isComplete(_ text: String) -> Bool {
    var quotes = 0
    var depth = 0
    var escaped = false
    for character in text {
      defer { escaped = character == "\\" && !escaped }
      if escaped { continue }
      switch character {
      case "\"": quotes += 1
      case "{" where quotes % 2 == 0: depth += 1
      case "}" where quotes % 2 == 0: depth -= 1
      default: break
      }
    }
    let trailingPipe = text.trimmingCharacters(in: .whitespaces).hasSuffix("|")
    return quotes % 2 == 0 && depth <= 0 && !trailingPipe
  }
}
