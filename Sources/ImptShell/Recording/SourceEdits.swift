import ImptLanguage

/// Changes to source text at the places the parser gave, applied all at once.
///
/// Positions are the parser's: 1-based lines and columns counted in Unicode scalars.
/// `dg delete --dg D` with an insertion of ` --confirmed` at 1:17 becomes
/// `dg delete --dg D --confirmed`.
struct SourceEdits {
  /// One replacement; an insertion replaces an empty span.
  struct Edit {
    /// Where the replaced span starts.
    var start: SourcePosition
    /// Where it ends (exclusive); the start again for an insertion.
    var end: SourcePosition
    /// What takes its place.
    var text: String
  }

  /// The edits, in the order they were asked for.
  private(set) var edits: [Edit] = []

  /// Replaces the span of `range` with `text`.
  mutating func replace(_ range: SourceRange, with text: String) {
    edits.append(Edit(start: range.start, end: range.end, text: text))
  }

  /// Inserts `text` at `position`.
  mutating func insert(_ text: String, at position: SourcePosition) {
    edits.append(Edit(start: position, end: position, text: text))
  }

  /// `text` with every edit made. Edits must not overlap; an insertion may stand at the
  /// end of a replacement.
  func applied(to text: String) -> String {
    var scalars = Array(text.unicodeScalars)
    let starts = Self.lineStarts(scalars)
    var limit = scalars.count
    for edit in edits.sorted(by: { $0.start > $1.start }) {
      let from = Self.offset(edit.start, starts, count: scalars.count)
      let to = min(max(from, Self.offset(edit.end, starts, count: scalars.count)), limit)
      guard from <= to else { continue }
      scalars.replaceSubrange(from..<to, with: Array(edit.text.unicodeScalars))
      limit = from
    }
    var result = ""
    result.unicodeScalars.append(contentsOf: scalars)
    return result
  }

  /// The scalar offset where each line starts.
  private static func lineStarts(_ scalars: [Unicode.Scalar]) -> [Int] {
    var starts = [0]
    for (index, scalar) in scalars.enumerated() where scalar == "\n" {
      starts.append(index + 1)
    }
    return starts
  }

  private static func offset(_ position: SourcePosition, _ starts: [Int], count: Int) -> Int {
    guard position.line >= 1, position.line <= starts.count else { return count }
    return min(starts[position.line - 1] + max(0, position.column - 1), count)
  }

  /// The text of `range` in `text`.
  static func slice(_ text: String, _ range: SourceRange) -> String {
    let scalars = Array(text.unicodeScalars)
    let starts = lineStarts(scalars)
    let from = offset(range.start, starts, count: scalars.count)
    let to = max(from, offset(range.end, starts, count: scalars.count))
    var result = ""
    result.unicodeScalars.append(contentsOf: scalars[from..<to])
    return result
  }
}
