import Testing

@testable import ImptShell

@Suite struct TerminalReaderTests {
  /// Lines from a list, as piped input would give them.
  private final class ScriptedInput: InputSource {
    private var lines: [String]

    init(_ lines: [String]) {
      self.lines = lines
    }

    func nextLine() -> String? {
      lines.isEmpty ? nil : lines.removeFirst()
    }
  }

  /// Unfinished while a double quote or a brace is open, or after a trailing `|`.
  private static func isComplete(_ text: String) -> Bool {
    let quotes = text.filter { $0 == "\"" }.count
    let depth = text.filter { $0 == "{" }.count - text.filter { $0 == "}" }.count
    let trimmed = text.trimmingWhitespace()
    return quotes % 2 == 0 && depth <= 0 && !trimmed.hasSuffix("|")
  }

  private func events(_ lines: [String]) -> [LineEvent] {
    let reader = PlainLineReader(source: ScriptedInput(lines), isComplete: Self.isComplete)
    var events: [LineEvent] = []
    while true {
      let event = reader.readLine(prompt: "imptsh> ", continuation: "...> ")
      events.append(event)
      if event == .endOfInput { return events }
    }
  }

  @Test("returns each complete line as an entry, then the end of input")
  func returnsCompleteLines() {
    #expect(
      events(["product list", "dg list"])
        == [.line("product list"), .line("dg list"), .endOfInput])
  }

  @Test(
    "joins lines while the entry is unfinished",
    arguments: [
      (["echo \"abc", "def\"", "next"], ["echo \"abc\ndef\"", "next"]),
      (["device list |", "count"], ["device list |\ncount"]),
      (["if true {", "  echo a", "}", "x"], ["if true {\n  echo a\n}", "x"]),
      (["echo \"a", "", "b\""], ["echo \"a\n\nb\""]),
      (["for x in a {", "echo \"{\"", "}"], ["for x in a {\necho \"{\"\n}"]),
    ])
  func joinsUnfinishedLines(lines: [String], entries: [String]) {
    #expect(events(lines) == entries.map(LineEvent.line) + [.endOfInput])
  }

  @Test("hands an entry left unfinished at the end of input to the parser")
  func returnsUnfinishedEntryAtEnd() {
    #expect(
      events(["ok", "echo \"abc", "def"]) == [.line("ok"), .line("echo \"abc\ndef"), .endOfInput])
  }

  @Test("passes blank lines through as empty entries instead of holding them open")
  func passesBlankLines() {
    let reader = PlainLineReader(source: ScriptedInput(["", "  "]), isComplete: { _ in false })

    #expect(reader.readLine(prompt: "", continuation: "") == .line(""))
    #expect(reader.readLine(prompt: "", continuation: "") == .line("  "))
    #expect(reader.readLine(prompt: "", continuation: "") == .endOfInput)
  }

  @Test("reports the end of empty input at once")
  func endsEmptyInput() {
    #expect(events([]) == [.endOfInput])
  }

  @Test("forgets an unfinished entry when it is discarded")
  func discardsUnfinishedEntry() {
    var assembler = EntryAssembler(isComplete: Self.isComplete)

    #expect(assembler.add("echo \"abc") == nil)
    #expect(assembler.isContinuing)
    assembler.discard()

    #expect(!assembler.isContinuing)
    #expect(assembler.add("dg list") == "dg list")
    #expect(assembler.finish() == nil)
  }
}
