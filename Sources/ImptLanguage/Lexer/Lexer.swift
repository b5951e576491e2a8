/// Splits imptsh source into tokens; it never fails.
///
/// Mistakes become `.invalid` tokens or issues inside strings, and lexing goes on:
/// `echo "hi` gives a word `echo` and an invalid token for the unterminated string.
/// It reads UTF-8 bytes; columns count Unicode scalars.
public struct Lexer {
  /// The source as UTF-8.
  let bytes: [UInt8]
  /// The file named in every range.
  let file: String
  /// The next byte to read.
  var index = 0
  /// Issues found inside the token being read, collected by the token's reader.
  var pendingIssues: [LexIssue] = []
  /// The line of the next byte, from 1.
  var line: Int
  /// The column of the next byte, in Unicode scalars from 1.
  var column: Int

  /// Creates a lexer over `text`, which starts at `start` in `file`.
  public init(_ text: String, file: String, start: SourcePosition = .init(line: 1, column: 1)) {
    bytes = Array(text.utf8)
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
    tokens.reserveCapacity(bytes.count / 4)
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
    guard let byte = peek() else {
      return Token(.end, range: range(from: start), spaceBefore: space)
    }
    let kind = lexToken(startingWith: byte)
    return Token(kind, range: range(from: start), spaceBefore: space)
  }

  private mutating func lexToken(startingWith byte: UInt8) -> TokenKind {
    if let punctuation = Self.punctuation(byte) {
      advance()
      return punctuation
    }
    switch byte {
    case ASCII.openBrace:
      if let word = hierarchicalWord() { return .word(word) }
      advance()
      return .openBrace
    case ASCII.doubleQuote: return doubleQuoted()
    case ASCII.singleQuote: return singleQuoted()
    case ASCII.backslash where peek(1) == nil:
      let start = position
      advance()
      return .invalid(LexIssue(.continuationAtEnd, range: range(from: start)))
    case _ where Self.isControl(byte):
      let start = position
      advance()
      let scalar = Unicode.Scalar(byte)
      return .invalid(LexIssue(.unexpectedCharacter(scalar), range: range(from: start)))
    default:
      return word()
    }
  }

  private static func punctuation(_ byte: UInt8) -> TokenKind? {
    switch byte {
    case ASCII.newline: .newline
    case ASCII.pipe: .pipe
    case ASCII.semicolon: .semicolon
    case ASCII.openParen: .openParen
    case ASCII.closeParen: .closeParen
    case ASCII.closeBrace: .closeBrace
    case ASCII.openBracket: .openBracket
    case ASCII.closeBracket: .closeBracket
    case ASCII.comma: .comma
    default: nil
    }
  }

  /// Skips spaces, comments and `\` line continuations; says whether it skipped any.
  private mutating func skipTrivia() -> Bool {
    var skipped = index == 0
    while let byte = peek() {
      if byte == ASCII.space || byte == ASCII.tab || byte == ASCII.carriageReturn {
        advance()
      } else if byte == ASCII.backslash, peek(1) == ASCII.newline {
        advance()
        advance()
      } else if byte == ASCII.hash {
        while let next = peek(), next != ASCII.newline { advance() }
      } else {
        return skipped || previousIsLineStart
      }
      skipped = true
    }
    return true
  }

  private var previousIsLineStart: Bool { index > 0 && bytes[index - 1] == ASCII.newline }

  // MARK: Positions

  /// Where the next byte stands.
  var position: SourcePosition { SourcePosition(line: line, column: column) }

  /// The range from `start` to the next byte.
  func range(from start: SourcePosition) -> SourceRange {
    SourceRange(file: file, start: start, end: position)
  }

  /// The byte `offset` places ahead, or nil past the end.
  func peek(_ offset: Int = 0) -> UInt8? {
    let at = index + offset
    return at < bytes.count ? bytes[at] : nil
  }

  /// Moves past one byte; a column is one Unicode scalar, counted at its first byte.
  mutating func advance() {
    guard index < bytes.count else { return }
    let byte = bytes[index]
    if byte == ASCII.newline {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
    index += 1
  }

  /// Moves past one whole scalar and returns it.
  mutating func advanceScalar() -> Unicode.Scalar {
    let start = index
    advance()
    while let byte = peek(), byte & 0xC0 == 0x80 { advance() }
    return text(from: start).unicodeScalars.first ?? "\u{FFFD}"
  }

  /// The text of the bytes from `start` to the current position.
  func text(from start: Int) -> String {
    String(decoding: bytes[start..<index], as: UTF8.self)
  }

  // MARK: Character classes

  /// Whether a byte is a control character other than tab, newline and return.
  static func isControl(_ byte: UInt8) -> Bool {
    (byte < 0x20 && byte != ASCII.tab && byte != ASCII.newline && byte != ASCII.carriageReturn)
      || byte == 0x7F
  }

  /// Whether `byte` ends a bare word.
  static func endsWord(_ byte: UInt8) -> Bool {
    switch byte {
    case ASCII.space, ASCII.tab, ASCII.carriageReturn, ASCII.newline, ASCII.pipe,
      ASCII.semicolon, ASCII.openParen, ASCII.closeParen, ASCII.openBrace, ASCII.closeBrace,
      ASCII.openBracket, ASCII.closeBracket, ASCII.comma, ASCII.doubleQuote, ASCII.singleQuote:
      true
    default:
      isControl(byte)
    }
  }

  /// Whether a byte may start a name: an ASCII letter or `_`.
  static func isIdentifierStart(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return byte == ASCII.underscore || (byte >= 0x61 && byte <= 0x7A)
      || (byte >= 0x41 && byte <= 0x5A)
  }

  /// Whether a byte may continue a name: a letter, digit or `_`.
  static func isIdentifierPart(_ byte: UInt8?) -> Bool {
    isIdentifierStart(byte) || isDigit(byte)
  }

  /// Whether a byte is an ASCII digit.
  static func isDigit(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return byte >= 0x30 && byte <= 0x39
  }

  /// Scalar forms of the class tests, for code that works on text.
  static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && isIdentifierStart(UInt8(scalar.value))
  }

  /// Whether a scalar may continue a name.
  static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && isIdentifierPart(UInt8(scalar.value))
  }

  /// Whether a scalar is an ASCII digit.
  static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && isDigit(UInt8(scalar.value))
  }
}

/// The bytes the lexer looks for.
enum ASCII {
  static let tab = UInt8(ascii: "\t")
  static let newline = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let space = UInt8(ascii: " ")
  static let doubleQuote = UInt8(ascii: "\"")
  static let hash = UInt8(ascii: "#")
  static let dollar = UInt8(ascii: "$")
  static let singleQuote = UInt8(ascii: "'")
  static let openParen = UInt8(ascii: "(")
  static let closeParen = UInt8(ascii: ")")
  static let comma = UInt8(ascii: ",")
  static let minus = UInt8(ascii: "-")
  static let dot = UInt8(ascii: ".")
  static let semicolon = UInt8(ascii: ";")
  static let openBracket = UInt8(ascii: "[")
  static let backslash = UInt8(ascii: "\\")
  static let closeBracket = UInt8(ascii: "]")
  static let underscore = UInt8(ascii: "_")
  static let openBrace = UInt8(ascii: "{")
  static let pipe = UInt8(ascii: "|")
  static let closeBrace = UInt8(ascii: "}")
}
