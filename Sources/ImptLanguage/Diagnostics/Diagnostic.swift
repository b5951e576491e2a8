/// A message about the user's input or a failure while it ran, with where it points.
///
/// Every diagnostic has a stable `id` (`check.unknownOption`) that tests and tools can name.
public struct Diagnostic: Sendable, Hashable, Error {
  /// How serious a diagnostic is.
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
  }

  /// A secondary message, optionally with a place of its own.
  public struct Note: Sendable, Hashable {
    public var message: String
    public var range: SourceRange?

    /// Creates a note.
    public init(_ message: String, at range: SourceRange? = nil) {
      self.message = message
      self.range = range
    }
  }

  public var severity: Severity
  /// The stable id: `parse.unterminatedString`, `run.assertFailed`.
  public var id: String
  /// One line, lowercase, no final period; the user's text in single quotes.
  public var message: String
  /// The source the message is about.
  public var range: SourceRange
  public var notes: [Note]
  /// Remedies, each a full sentence, shown on `help:` lines.
  public var help: [String]
  /// Whether the input stopped early (open quote, brace or paren, trailing `|`), so
  /// another line would complete it; the REPL shows a continuation prompt instead.
  public var isUnfinished: Bool

  /// Creates a diagnostic.
  public init(
    severity: Severity = .error, id: String, message: String, range: SourceRange,
    notes: [Note] = [], help: [String] = [], isUnfinished: Bool = false
  ) {
    self.severity = severity
    self.id = id
    self.message = message
    self.range = range
    self.notes = notes
    self.help = help
    self.isUnfinished = isUnfinished
  }

  /// The diagnostic for a problem from the catalogue.
  init(_ problem: Problem, at range: SourceRange, notes: [Note] = []) {
    self.init(
      id: problem.id, message: problem.message, range: range, notes: notes,
      help: problem.help, isUnfinished: problem.isUnfinished)
  }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// Whether the input is unfinished: a continuation line would complete it.
  public var isUnfinished: Bool { contains(where: \.isUnfinished) }

  /// The diagnostics of each file in the order of its source (line, then column; ties
  /// keep their order). Each file keeps the places it had in the list, so the mistakes
  /// of a sourced file stay where they were reported among the others.
  public func inSourceOrder() -> [Diagnostic] {
    var slots: [String: [Int]] = [:]
    for (index, diagnostic) in enumerated() {
      slots[diagnostic.range.file, default: []].append(index)
    }
    var result = self
    for indices in slots.values {
      let sorted = indices.sorted { (self[$0].range.start, $0) < (self[$1].range.start, $1) }
      for (slot, source) in zip(indices, sorted) { result[slot] = self[source] }
    }
    return result
  }
}
