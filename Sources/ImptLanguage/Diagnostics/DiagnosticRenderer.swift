/// Renders diagnostics as text.
///
/// In a terminal (`.caret`) the source line is quoted with a caret under the range:
/// ```
/// error: unknown option '--nmae' for 'product create'
///   --> <stdin>:1:16
///    |
///  1 | product create --nmae X
///    |                ^~~~~~
/// help: did you mean '--name'?
/// ```
/// In scripts and when output is not a terminal (`.plain`), one line names the place:
/// `deploy.imptsh:1:16: error: unknown option '--nmae' for 'product create'`, followed by
/// `help:` lines.
public struct DiagnosticRenderer: Sendable {
  /// How the place of a diagnostic is shown.
  public enum Style: Sendable {
    case caret
    case plain
  }

  public var style: Style
  /// Whether to colour with ANSI escapes.
  public var color: Bool
  /// Ranges of secret values, each shown as `***` when a source line is quoted, so that
  /// neither the value nor its length shows.
  public var redactions: [SourceRange]

  /// Creates a renderer.
  public init(style: Style, color: Bool = false, redacting redactions: [SourceRange] = []) {
    self.style = style
    self.color = color
    self.redactions = redactions
  }

  /// The diagnostics as text, each ending with a newline; `source` gives the text of a
  /// file by name, for quoting lines.
  public func render(_ diagnostics: [Diagnostic], source: (String) -> String?) -> String {
    var files = SourceLines()
    return diagnostics.map { render($0, files: &files, source: source) }.joined()
  }

  /// One diagnostic as text, ending with a newline.
  public func render(_ diagnostic: Diagnostic, source: (String) -> String?) -> String {
    var files = SourceLines()
    return render(diagnostic, files: &files, source: source)
  }

  private func render(
    _ diagnostic: Diagnostic, files: inout SourceLines, source: (String) -> String?
  ) -> String {
    var lines: [String]
    let severity = paint(diagnostic.severity.rawValue, Self.red)
    switch style {
    case .plain:
      lines = ["\(diagnostic.range.location): \(severity): \(diagnostic.message)"]
    case .caret:
      lines = ["\(severity): \(bold(diagnostic.message))"]
      lines += quote(
        diagnostic.range,
        line: files.line(diagnostic.range.start.line, of: diagnostic.range.file, source: source))
    }
    for note in diagnostic.notes {
      if let range = note.range, style == .plain {
        lines.append("\(range.location): note: \(note.message)")
      } else if let range = note.range {
        lines.append("note: \(note.message)")
        lines += quote(range, line: files.line(range.start.line, of: range.file, source: source))
      } else {
        lines.append("note: \(note.message)")
      }
    }
    lines += diagnostic.help.map { paint("help", Self.cyan) + ": " + $0 }
    return lines.map { $0 + "\n" }.joined()
  }

  /// The arrow to the place, and the source line with a caret under the range.
  private func quote(_ range: SourceRange, line: String?) -> [String] {
    let number = String(range.start.line)
    let gutter = String(repeating: " ", count: number.count + 2)
    let arrow = String(gutter.dropLast()) + "--> \(range.location)"
    guard let line else { return [arrow] }
    let masked = MaskedLine(
      line, masking: spans(on: range.start.line, length: line.unicodeScalars.count))
    let shown = masked.text
    let start = masked.shownStart(of: range.start.column - 1)
    let padding = String(shown.unicodeScalars.prefix(start).map { $0 == "\t" ? "\t" : " " })
    let end = range.start.column - 1 + Self.width(of: range, lineLength: line.unicodeScalars.count)
    let width = masked.shownEnd(of: end) - start
    let marker = "^" + String(repeating: "~", count: max(0, width - 1))
    return [
      arrow,
      "\(gutter)|",
      " \(number) | \(shown)",
      "\(gutter)| \(padding)\(paint(marker, Self.red))",
    ]
  }

  private static func width(of range: SourceRange, lineLength: Int) -> Int {
    let end = range.end.line == range.start.line ? range.end.column : lineLength + 1
    return max(1, end - range.start.column)
  }

  /// The spans (0-based scalar offsets, end exclusive) of secret values on line
  /// `lineNumber`, whose text is `length` long.
  private func spans(on lineNumber: Int, length: Int) -> [Range<Int>] {
    redactions.compactMap { range -> Range<Int>? in
      guard range.start.line <= lineNumber, range.end.line >= lineNumber else { return nil }
      let from = range.start.line == lineNumber ? range.start.column - 1 : 0
      let to = range.end.line == lineNumber ? range.end.column - 1 : Int.max
      let lower = max(0, from)
      let upper = min(max(lower, to), max(lower, length))
      return lower < upper ? lower..<upper : nil
    }
  }

  private static let red = "31"
  private static let cyan = "36"

  private func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[1;\(code)m\(text)\u{1B}[0m" : text
  }

  private func bold(_ text: String) -> String {
    color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
  }
}

/// The lines of source files, split once per file while a list of diagnostics renders.
private struct SourceLines {
  var cache: [String: [Substring.UnicodeScalarView]] = [:]

  /// Line `number` (from 1) of `file`, without its line ending; nil if there is none.
  mutating func line(_ number: Int, of file: String, source: (String) -> String?) -> String? {
    let lines: [Substring.UnicodeScalarView]
    if let cached = cache[file] {
      lines = cached
    } else {
      guard let text = source(file) else { return nil }
      lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
      cache[file] = lines
    }
    guard number >= 1, number <= lines.count else { return nil }
    var text = ""
    text.unicodeScalars.append(contentsOf: lines[number - 1].filter { $0 != "\r" })
    return text
  }
}
