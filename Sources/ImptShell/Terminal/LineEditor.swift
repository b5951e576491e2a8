import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The interactive line editor: libedit with emacs keys, history, completion and Ctrl-C.
///
/// One editor serves one terminal for the whole session. Prompts are given per entry and
/// may contain colour escapes. An unfinished entry (as `EntryRules.isComplete` judges it)
/// continues on further lines under the continuation prompt and is returned, and stored in
/// history, as one entry. History passes through `EntryRules.redact` before it is kept in
/// memory or written to the history file, so a secret can be recalled by neither.
///
/// Ctrl-C at the prompt: the editor turns ISIG off while it edits (`-isig`) and binds ^C
/// as a key that marks the line `^C` and ends it. We chose this over catching `EINTR`
/// from `el_gets` because it does not depend on which thread the kernel hands SIGINT to:
/// dispatch workers and C libraries' threads may receive it, and then `el_gets` would
/// never be interrupted (tech-notes §8). Between prompts the terminal is back in cooked
/// mode, so Ctrl-C during a command raises SIGINT for `Interrupts`.
public final class LineEditor: LineReader {
  let editLine: OpaquePointer
  let history: OpaquePointer
  let historyFile: String?
  let completer: (any Completer)?
  let rules: EntryRules

  /// The entry being assembled, for continuation and for completion's context.
  var assembler: EntryAssembler
  /// The current prompt as libedit reads it; owned, freed when replaced.
  var promptBuffer: UnsafeMutablePointer<CChar>?
  /// Set by the ^C key binding while `el_gets` runs.
  var interruptKeyPressed = false

  /// Why history is not being saved, if it is not; the shell may show it once.
  public internal(set) var historyProblem: String?

  /// Creates an editor on the process's terminal, and installs `Interrupts` so that
  /// Ctrl-C can never end an interactive shell.
  ///
  /// - Parameters:
  ///   - programName: the name libedit reads settings for in `~/.editrc`.
  ///   - historyFile: where history is loaded from and saved to, created with mode 0600
  ///     in a folder created if missing; nil keeps history in memory only.
  ///   - completer: what Tab asks for completions; nil makes Tab beep.
  ///   - rules: when an entry is complete, and what history may keep of it.
  /// - Returns: nil when libedit cannot start on this terminal; read plainly instead.
  public init?(
    programName: String = "imptsh",
    historyFile: String?,
    completer: (any Completer)?,
    rules: EntryRules = EntryRules()
  ) {
    Self.setLocale()
    Interrupts.install()
    guard let history = history_init() else { return nil }
    guard let editLine = ceditline_init(programName) else {
      history_end(history)
      return nil
    }
    self.editLine = editLine
    self.history = history
    self.historyFile = historyFile
    self.completer = completer
    self.rules = rules
    assembler = EntryAssembler(isComplete: rules.isComplete)

    setUpHistory()
    setUpEditing()
  }

  deinit {
    el_end(editLine)
    history_end(history)
    free(promptBuffer)
  }

  /// Reads one entry, continuing it on further lines while it is unfinished.
  ///
  /// - Returns: `.line` with the whole entry (lines joined with `\n`); `.interrupted` when
  ///   Ctrl-C discarded the typed text; `.endOfInput` on Ctrl-D at an empty prompt. Ctrl-D
  ///   inside an unfinished entry returns that entry so that the parser reports it.
  public func readLine(prompt: String, continuation: String = "...> ") -> LineEvent {
    assembler.discard()
    while true {
      setPrompt(assembler.isContinuing ? continuation : prompt)
      switch readPhysicalLine() {
      case .line(let line):
        guard let entry = assembler.add(line) else { continue }
        remember(entry)
        return .line(entry)
      case .interrupted:
        assembler.discard()
        return .interrupted
      case .endOfInput:
        guard let partial = assembler.finish() else { return .endOfInput }
        remember(partial)
        return .line(partial)
      }
    }
  }

  private func readPhysicalLine() -> LineEvent {
    interruptKeyPressed = false
    var count: Int32 = 0
    guard let text = el_gets(editLine, &count) else {
      guard count == -1, errno == EINTR else { return .endOfInput }
      // A SIGINT from outside the terminal (kill -INT) while editing.
      _ = Interrupts.take()
      fputs("\n", ceditline_stdout())
      return .interrupted
    }
    if interruptKeyPressed { return .interrupted }

    var line = String(cString: text)
    if line.hasSuffix("\n") { line.removeLast() }
    return .line(line)
  }

  private func setPrompt(_ prompt: String) {
    free(promptBuffer)
    promptBuffer = strdup(PromptMarkup.mark(prompt))
  }

  /// Sets the locale from the environment, which libedit needs to read UTF-8 input;
  /// falls back to C.UTF-8 for characters when the environment names no UTF-8 locale.
  private static func setLocale() {
    setlocale(LC_ALL, "")
    guard let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) == "UTF-8" else {
      setlocale(LC_CTYPE, "C.UTF-8")
      return
    }
  }
}
