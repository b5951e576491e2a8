/// Splits imptsh source into tokens; it never fails.
///
/// Mistakes become `.invalid` tokens or issues inside strings, and lexing goes on:
/// `echo "hi` gives a word `echo` and an invalid token for the unterminated string.
public struct Lexer {
  let scalars: [Unicode.Scalar]
  let file: String
  var index = 0
  /// Issues found inside the token being read, collected by the token's reader.
  var pendingIssues: [LexIssue] = []
  var line: Int
  var column: Int

  /// Creates a lexer over `text`, which starts at `start` in `file`.
  public init(_ text: String, file: String, start: SourcePosition = .init(line: 1, column: 1)) {
    scalars = Array(text.unicodeScalars)
    self.file = file
    line = start.line
    column = start.column
  }

  /// Every token of `text`, ending with `.end`.
  public static func tokenize(
    _ text: String, file: String, start: SourcePosition = .init(line: 1, column: 1)
  ) -> [Token] {
    var lexer = Lexer(text, file: file, start: start)
    return lexer.tokenize()
  }

  /// Every remaining token, ending with `.end`.
  public mutating func tokenize() -> [Token] {
    var tokens: [Token] = []
    while true {
      let token = next()
      tokens.append(token)
      if token.kind == .end { return tokens }
    }
  }

  /// The next token.
  public mutating func next() -> Token {
    let space = skipTrivia()
    let start = position
    guard let scalar = peek() else {
      return Token(.end, range: range(from: start), spaceBefore: space)
    }
    let kind = lexToken(startingWith: scalar)
    return Token(kind, range: range(from: start), spaceBefore: space)
  }

  private mutating func lexToken(startingWith scalar: Unicode.Scalar) -> TokenKind {
    if let punctuation = Self.punctuation[scalar] {
      advance()
      return punctuation
    }
    switch scalar {
    case "{":
      if let word = hierarchicalWord() { return .word(word) }
      advance()
      return .openBrace
    case "\"": return doubleQuoted()
    case "'": return singleQuoted()
    case "\\" where peek(1) == nil:
      let start = position
      advance()
      return .invalid(LexIssue(.continuationAtEnd, range: range(from: start)))
    case _ where Self.isControl(scalar):
      let start = position
      advance()
      return .invalid(LexIssue(.unexpectedCharacter(scalar), range: range(from: start)))
    default:
      return word()
    }
  }

  private static let punctuation: [Unicode.Scalar: TokenKind] = [
    "\n": .newline, "|": .pipe, ";": .semicolon, "(": .openParen, ")": .closeParen,
    "}": .closeBrace, "[": .openBracket, "]": .closeBracket, ",": .comma,
  ]

  /// Skips spaces, comments and `\` line continuations; says whether it skipped any.
  private mutating func skipTrivia() -> Bool {
    var skipped = index == 0
    while let scalar = peek() {
      if scalar == " " || scalar == "\t" || scalar == "\r" {
        advance()
      } else if scalar == "\\", peek(1) == "\n" {
        advance()
        advance()
      } else if scalar == "#" {
        while let next = peek(), next != "\n" { advance() }
      } else {
        return skipped || previousIsLineStart
      }
      skipped = true
    }
    return true
  }

  private var previousIsLineStart: Bool { index > 0 && scalars[index - 1] == "\n" }

  // MARK: Positions

  var position: SourcePosition { SourcePosition(line: line, column: column) }

  func range(from start: SourcePosition) -> SourceRange {
    SourceRange(file: file, start: start, end: position)
  }

  func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    let at = index + offset
    return at < scalars.count ? scalars[at] : nil
  }

  mutating func advance() {
    guard index < scalars.count else { return }
    if scalars[index] == "\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
    index += 1
  }

  // MARK: Character classes

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
      || scalar.value == 0x7F
  }

  /// Whether `scalar` ends a bare word.
  static func endsWord(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case " ", "\t", "\r", "\n", "|", ";", "(", ")", "{", "}", "[", "]", ",", "\"", "'":
      true
    default:
      isControl(scalar)
    }
  }

  static func isIdentifierStart(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return scalar == "_" || (scalar.isASCII && scalar.properties.isAlphabetic)
  }

  static func isIdentifierPart(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return isIdentifierStart(scalar) || isDigit(scalar)
  }

  static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return scalar >= "0" && scalar <= "9"
  }
}
