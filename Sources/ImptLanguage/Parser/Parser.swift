/// The result of parsing: the script, and every mistake found on the way.
public struct ParseResult: Sendable {
  public var script: Script
  public var diagnostics: [Diagnostic]

  /// Whether the text stopped early (open quote, brace or paren, trailing `|`), so a
  /// continuation line would complete it.
  public var isUnfinished: Bool { diagnostics.isUnfinished }
}

/// A recursive-descent parser that never gives up.
///
/// Mistakes are recorded as diagnostics, and parsing resumes at the next newline, `;` or
/// `|`, so one pass reports every mistake in a script. Commands are parsed as words and
/// options; the checker binds them to the catalogue. Every loop consumes a token or stops.
public struct Parser {
  /// How deeply parentheses, lists, records, blocks and `not` may nest.
  static let depthLimit = 64

  /// Every token of the source, ending with `.end`.
  var tokens: [Token]
  /// The index of the current token.
  var position = 0
  /// The mistakes found so far.
  var diagnostics: [Diagnostic] = []
  /// How deeply the current construct nests.
  var depth: Int
  /// The end of the last token consumed that was not a separator.
  var lastEnd: SourcePosition
  /// The file named in every range.
  let file: String
  /// The whole source, for quoting a condition in `assert`.
  let source: String
  /// The source lines, split the first time a condition is quoted.
  var lines: [Substring.UnicodeScalarView]?

  /// Creates a parser over tokens of `source`, nested `depth` levels deep.
  init(tokens: [Token], file: String, source: String, depth: Int = 0) {
    self.tokens = tokens.isEmpty ? [Self.endToken(file: file)] : tokens
    self.file = file
    self.source = source
    self.depth = depth
    lastEnd = self.tokens[0].range.start
  }

  /// Parses a whole script.
  public static func parse(_ text: String, file: String) -> ParseResult {
    var parser = Parser(tokens: Lexer.tokenize(text, file: file), file: file, source: text)
    let statements = parser.parseStatements(inBlock: false)
    return ParseResult(
      script: Script(file: file, statements: statements), diagnostics: parser.diagnostics)
  }

  /// Whether `text` is complete: it has no open quote, brace, bracket or paren, and does
  /// not end with `|` or `\`. It may still hold other mistakes.
  public static func isComplete(_ text: String) -> Bool {
    !parse(text, file: "<input>").isUnfinished
  }

  private static func endToken(file: String) -> Token {
    let start = SourcePosition(line: 1, column: 1)
    return Token(.end, range: SourceRange(file: file, start: start, end: start), spaceBefore: true)
  }

  // MARK: Tokens

  /// The token being looked at.
  var current: Token { tokens[position] }

  /// The token after the current one.
  var next: Token { tokens[min(position + 1, tokens.count - 1)] }

  /// Consumes the current token and returns it; the final `.end` is never passed.
  @discardableResult
  mutating func advance() -> Token {
    let token = current
    if position < tokens.count - 1 { position += 1 }
    switch token.kind {
    case .newline, .semicolon, .end: break
    default: lastEnd = token.range.end
    }
    return token
  }

  /// The range from `start` to the end of the last token consumed.
  func range(from start: SourceRange) -> SourceRange {
    let end = lastEnd < start.start ? start.end : lastEnd
    return SourceRange(file: start.file, start: start.start, end: end)
  }

  /// Whether the current token is the bare word `text`.
  func isWord(_ text: String) -> Bool { current.kind == .word(text) }

  /// Whether the input is used up.
  var atEnd: Bool { current.kind == .end }

  /// Whether the current token ends a statement: newline, `;`, `}`, `)` or the end.
  var atStatementEnd: Bool {
    switch current.kind {
    case .newline, .semicolon, .closeBrace, .closeParen, .end: true
    default: false
    }
  }

  /// Whether the current token ends a pipeline stage.
  func atStageEnd(header: Bool) -> Bool {
    atStatementEnd || current.kind == .pipe || (header && current.kind == .openBrace)
  }

  /// Moves past newlines.
  mutating func skipNewlines() {
    while current.kind == .newline { advance() }
  }

  /// Moves past newlines and semicolons.
  mutating func skipSeparators() {
    while current.kind == .newline || current.kind == .semicolon { advance() }
  }

  // MARK: Reporting

  /// Records a mistake.
  mutating func report(_ problem: Problem, at range: SourceRange, notes: [Diagnostic.Note] = []) {
    diagnostics.append(Diagnostic(problem, at: range, notes: notes))
  }

  /// Records a mistake the lexer found.
  mutating func report(_ issue: LexIssue) {
    report(.lexical(issue), at: issue.range)
  }

  /// How a token reads in a message: `'x'`, `the end of the line`.
  static func describe(_ token: Token) -> String {
    switch token.kind {
    case .word(let text): "'\(text.prefix(40))'"
    case .template: "a word with '$'"
    case .string: "a string"
    case .variable(let path): "'\(describe(path))'"
    case .pipe: "'|'"
    case .semicolon: "';'"
    case .newline: "the end of the line"
    case .openParen: "'('"
    case .closeParen: "')'"
    case .openBrace: "'{'"
    case .closeBrace: "'}'"
    case .openBracket: "'['"
    case .closeBracket: "']'"
    case .comma: "','"
    case .invalid: "unreadable text"
    case .end: "the end of the input"
    }
  }

  /// A variable reference as written: `$x.tags[0]`.
  static func describe(_ path: VariablePath) -> String {
    let root =
      switch path.root {
      case .named(let name): name
      case .positional(let index): String(index)
      }
    return "$" + FieldPath(name: root, rest: path.components, range: path.range).text
  }

  /// The source text of a range, for quoting it in a message.
  mutating func text(of range: SourceRange) -> String {
    let lines =
      self.lines ?? source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
    self.lines = lines
    guard range.start.line >= 1, range.end.line <= lines.count, range.start <= range.end
    else { return "" }
    var pieces: [String] = []
    for number in range.start.line...range.end.line {
      let scalars = Array(lines[number - 1].filter { $0 != "\r" })
      let from = number == range.start.line ? range.start.column - 1 : 0
      let to = number == range.end.line ? range.end.column - 1 : scalars.count
      let lower = max(0, min(from, scalars.count))
      let upper = max(lower, min(to, scalars.count))
      var piece = ""
      piece.unicodeScalars.append(contentsOf: scalars[lower..<upper])
      pieces.append(piece)
    }
    return pieces.joined(separator: "\n")
  }
}
