/// A position in source text: 1-based line and column, and the file it is in.
public struct SourcePosition: Sendable, Hashable, Comparable {
  public var line: Int
  public var column: Int

  /// Creates a position.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// A span of source text in a named file (`<stdin>`, `<command line>` or a path).
public struct SourceRange: Sendable, Hashable {
  public var file: String
  public var start: SourcePosition
  public var end: SourcePosition

  /// Creates a range.
  public init(file: String, start: SourcePosition, end: SourcePosition) {
    self.file = file
    self.start = start
    self.end = end
  }

  /// `FILE:LINE:COL`, the prefix of a script diagnostic.
  public var location: String { "\(file):\(start.line):\(start.column)" }
}
