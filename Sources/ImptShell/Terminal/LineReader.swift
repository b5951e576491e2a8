/// What reading one entry produced.
public enum LineEvent: Sendable, Equatable {
  /// A complete entry, possibly of several lines joined with `\n`.
  case line(String)
  /// Ctrl-C at the prompt: the typed text was discarded; prompt again.
  case interrupted
  /// Ctrl-D on an empty line, or the end of piped input.
  case endOfInput
}

/// Reads entries for the shell: the line editor in a terminal, plain lines otherwise.
public protocol LineReader: AnyObject {
  /// Reads one entry, asking for more lines while it is unfinished.
  ///
  /// - Parameters:
  ///   - prompt: shown before the first line; may contain colour escapes.
  ///   - continuation: shown before each further line of an unfinished entry.
  func readLine(prompt: String, continuation: String) -> LineEvent
}

/// The rules that decide when an entry is finished and what of it history keeps.
public struct EntryRules {
  /// Whether the text is a whole entry; false while a quote, a brace or a pipe is open.
  public var isComplete: (String) -> Bool
  /// The entry as history may store it, or nil to store nothing.
  public var redact: (String) -> String?

  /// Creates rules; by default every line is whole and history keeps it with the
  /// standard secret options masked.
  public init(
    isComplete: @escaping (String) -> Bool = { _ in true },
    redact: @escaping (String) -> String? = HistoryRedactor.standard.redact
  ) {
    self.isComplete = isComplete
    self.redact = redact
  }
}

/// Joins physical lines into one entry until the entry is complete.
struct EntryAssembler {
  let isComplete: (String) -> Bool
  private(set) var lines: [String] = []

  /// Creates an assembler that asks `isComplete` whether an entry is finished.
  init(isComplete: @escaping (String) -> Bool) {
    self.isComplete = isComplete
  }

  /// Whether a continuation line is expected next.
  var isContinuing: Bool { !lines.isEmpty }

  /// The lines so far joined into one text.
  var text: String { lines.joined(separator: "\n") }

  /// Adds a line; returns the whole entry when it is complete, and starts a new one.
  ///
  /// A blank first line is a whole (empty) entry, so an empty Enter is not held open.
  mutating func add(_ line: String) -> String? {
    lines.append(line)
    let entry = text
    guard isComplete(entry) || entry.allSatisfy(\.isWhitespace) else { return nil }
    lines.removeAll()
    return entry
  }

  /// The unfinished entry at the end of input, if any; the assembler starts afresh.
  ///
  /// It is returned rather than dropped so that the parser reports what is unfinished.
  mutating func finish() -> String? {
    defer { lines.removeAll() }
    return lines.isEmpty ? nil : text
  }

  /// Throws away an unfinished entry (Ctrl-C).
  mutating func discard() {
    lines.removeAll()
  }
}
