/// A token of Squirrel source, enough to find log calls and check bracket balance.
struct SquirrelToken: Equatable {
  enum Kind: Equatable { case identifier, string, number, punctuation }

  var kind: Kind
  /// The identifier or punctuation text, or a string literal's decoded value.
  var text: String
  var line: Int
  var column: Int
}

/// A reason Squirrel source cannot compile, with its place (1-based).
struct SquirrelProblem: Equatable {
  var message: String
  var line: Int
  var column: Int
}

/// Splits Squirrel source into tokens, skipping comments; reports unterminated literals.
///
/// `server.log("hi") // x` gives `server`, `.`, `log`, `(`, the string `hi`, `)`.
struct SquirrelScanner {
  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private(set) var tokens: [SquirrelToken] = []
  private(set) var problem: SquirrelProblem?

  /// Scans `source` completely.
  init(_ source: String) {
    bytes = Array(source.utf8)
    while index < bytes.count, problem == nil { scanOne() }
  }

  private var column: Int { index - lineStart + 1 }

  private func peek(_ offset: Int = 0) -> UInt8? {
    index + offset < bytes.count ? bytes[index + offset] : nil
  }

  private mutating func advance() {
    if bytes[index] == 0x0a {
      line += 1
      lineStart = index + 1
    }
    index += 1
  }

  private mutating func scanOne() {
    let byte = bytes[index]
    switch byte {
    case 0x20, 0x09, 0x0a, 0x0d: advance()
    case UInt8(ascii: "#"): skipLine()
    case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"): skipLine()
    case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"): skipBlockComment()
    case UInt8(ascii: "\""): scanString(verbatim: false)
    case UInt8(ascii: "@") where peek(1) == UInt8(ascii: "\""): scanString(verbatim: true)
    case UInt8(ascii: "'"): scanCharacter()
    case _ where Self.isIdentifierStart(byte): scanWord(.identifier)
    case UInt8(ascii: "0")...UInt8(ascii: "9"): scanWord(.number)
    default:
      tokens.append(token(.punctuation, String(UnicodeScalar(byte)), column))
      advance()
    }
  }

  private static func isIdentifierStart(_ byte: UInt8) -> Bool {
    (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte) || byte == 0x5f
  }

  private func token(_ kind: SquirrelToken.Kind, _ text: String, _ column: Int) -> SquirrelToken {
    SquirrelToken(kind: kind, text: text, line: line, column: column)
  }

  private mutating func skipLine() {
    while let byte = peek(), byte != 0x0a { advance() }
  }

  private mutating func skipBlockComment() {
    let start = (line, column)
    index += 2
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
        index += 2
        return
      }
      advance()
    }
    problem = SquirrelProblem(
      message: "the comment that starts here is never closed", line: start.0, column: start.1)
  }

  private mutating func scanWord(_ kind: SquirrelToken.Kind) {
    let start = index
    let startColumn = column
    while let byte = peek(),
      Self.isIdentifierStart(byte) || (0x30...0x39).contains(byte)
        || (kind == .number && byte == UInt8(ascii: "."))
    {
      index += 1
    }
    tokens.append(token(kind, String(decoding: bytes[start..<index], as: UTF8.self), startColumn))
  }

  private mutating func scanString(verbatim: Bool) {
    let startLine = line
    let startColumn = column
    index += verbatim ? 2 : 1
    var value: [UInt8] = []
    while let byte = peek() {
      if byte == UInt8(ascii: "\"") {
        if verbatim, peek(1) == UInt8(ascii: "\"") {
          value.append(byte)
          index += 2
          continue
        }
        index += 1
        let text = String(decoding: value, as: UTF8.self)
        tokens.append(
          SquirrelToken(kind: .string, text: text, line: startLine, column: startColumn))
        return
      }
      if byte == UInt8(ascii: "\\"), !verbatim, let escaped = peek(1) {
        value.append(Self.unescape(escaped))
        index += 2
        continue
      }
      value.append(byte)
      advance()
    }
    problem = SquirrelProblem(
      message: "the string that starts here is never closed", line: startLine, column: startColumn)
  }

  private mutating func scanCharacter() {
    let startColumn = column
    index += 1
    while let byte = peek(), byte != UInt8(ascii: "'"), byte != 0x0a {
      index += byte == UInt8(ascii: "\\") ? 2 : 1
    }
    guard peek() == UInt8(ascii: "'") else {
      problem = SquirrelProblem(
        message: "the character literal that starts here is never closed", line: line,
        column: startColumn)
      return
    }
    index += 1
    tokens.append(token(.number, "'", startColumn))
  }

  private static func unescape(_ byte: UInt8) -> UInt8 {
    switch byte {
    case UInt8(ascii: "n"): 0x0a
    case UInt8(ascii: "t"): 0x09
    case UInt8(ascii: "r"): 0x0d
    case UInt8(ascii: "0"): 0x00
    default: byte
    }
  }
}
