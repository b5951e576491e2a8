/// A source of lines without a terminal: standard input or, in tests, a list.
public protocol InputSource: AnyObject {
  /// The next line without its line ending, or nil at the end of input.
  func nextLine() -> String?
}

/// Lines from standard input.
public final class StandardInput: InputSource {
  /// Creates a reader of standard input.
  public init() {}

  /// The next line of standard input, or nil at its end.
  public func nextLine() -> String? {
    Swift.readLine(strippingNewline: true)
  }
}

/// Reads entries from input that is not a terminal: no prompt, no editing, no history.
///
/// Lines are joined into one entry while the entry is unfinished, exactly as in the line
/// editor, so piped input and typed input mean the same.
public final class PlainLineReader: LineReader {
  private let source: any InputSource
  private var assembler: EntryAssembler

  /// Creates a reader of `source` that joins lines until `isComplete` accepts them.
  public init(source: any InputSource = StandardInput(), isComplete: @escaping (String) -> Bool) {
    self.source = source
    assembler = EntryAssembler(isComplete: isComplete)
  }

  /// The next entry; prompts are ignored because nobody sees them.
  ///
  /// Input that ends inside an unfinished entry returns that entry, so the parser can say
  /// what is missing; the call after it returns `.endOfInput`.
  public func readLine(prompt _: String, continuation _: String) -> LineEvent {
    while let line = source.nextLine() {
      if let entry = assembler.add(line) { return .line(entry) }
    }
    return assembler.finish().map(LineEvent.line) ?? .endOfInput
  }
}
