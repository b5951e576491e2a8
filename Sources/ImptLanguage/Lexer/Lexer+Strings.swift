extension Lexer {
  /// A double-quoted string: escapes, `$name` and `${…}` substitutions.
  mutating func doubleQuoted() -> TokenKind {
    let start = position
    advance()
    var parts: [TemplatePart] = []
    var text = ""
    while let byte = peek(), byte != ASCII.doubleQuote {
      if byte == ASCII.backslash {
        escape(into: &text)
      } else if byte == ASCII.dollar, let part = substitution() {
        if !text.isEmpty { parts.append(.text(text)) }
        text = ""
        parts.append(part)
      } else {
        text += run {
          $0 != ASCII.doubleQuote && $0 != ASCII.backslash && $0 != ASCII.dollar
        }
      }
    }
    guard peek() == ASCII.doubleQuote else {
      pendingIssues.removeAll()
      return .invalid(LexIssue(.unterminatedString(quote: "\""), range: range(from: start)))
    }
    advance()
    if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
    let issues = pendingIssues
    pendingIssues.removeAll()
    return .string(QuotedString(parts: parts, isDoubleQuoted: true, issues: issues))
  }

  /// The current byte and those after it while `keep` holds, as text.
  private mutating func run(while keep: (UInt8) -> Bool) -> String {
    let start = index
    advance()
    while let byte = peek(), keep(byte) { advance() }
    return text(from: start)
  }

  /// A single-quoted string: the text exactly as written, with no escapes.
  mutating func singleQuoted() -> TokenKind {
    let start = position
    advance()
    var text = ""
    if let byte = peek(), byte != ASCII.singleQuote { text = run { $0 != ASCII.singleQuote } }
    guard peek() == ASCII.singleQuote else {
      return .invalid(LexIssue(.unterminatedString(quote: "'"), range: range(from: start)))
    }
    advance()
    return .string(QuotedString(parts: [.text(text)], isDoubleQuoted: false))
  }

  /// One `\` escape inside double quotes; an unknown escape keeps both characters and
  /// records an issue.
  private mutating func escape(into text: inout String) {
    let start = position
    advance()
    guard let byte = peek() else { return text += "\\" }
    if let meaning = Self.escapes[byte] {
      advance()
      text.unicodeScalars.append(meaning)
    } else if byte == UInt8(ascii: "u") {
      advance()
      unicodeEscape(into: &text, start: start)
    } else {
      let scalar = advanceScalar()
      text += "\\" + String(scalar)
      pendingIssues.append(LexIssue(.unknownEscape(Character(scalar)), range: range(from: start)))
    }
  }

  private static let escapes: [UInt8: Unicode.Scalar] = [
    UInt8(ascii: "n"): "\n", UInt8(ascii: "t"): "\t", UInt8(ascii: "r"): "\r",
    UInt8(ascii: "0"): "\0", ASCII.backslash: "\\", ASCII.doubleQuote: "\"", ASCII.dollar: "$",
    ASCII.singleQuote: "'", ASCII.newline: "\n",
  ]

  /// `\u{1F600}`: up to eight hexadecimal digits naming a Unicode scalar.
  private mutating func unicodeEscape(into text: inout String, start: SourcePosition) {
    guard peek() == ASCII.openBrace else { return badUnicode(start) }
    advance()
    let digitsStart = index
    while let byte = peek(), Self.isHexDigit(byte), index - digitsStart < 8 { advance() }
    let hex = self.text(from: digitsStart)
    guard peek() == ASCII.closeBrace, let value = UInt32(hex, radix: 16),
      let scalar = Unicode.Scalar(value)
    else { return badUnicode(start) }
    advance()
    text.unicodeScalars.append(scalar)
  }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
  }

  private mutating func badUnicode(_ start: SourcePosition) {
    pendingIssues.append(LexIssue(.badUnicodeEscape, range: range(from: start)))
  }

  /// `${…}`: the source up to the matching `}`, skipping strings and nested braces.
  mutating func code() -> TemplatePart {
    let start = position
    advance()
    advance()
    let inner = position
    let innerIndex = index
    var depth = 1
    while let byte = peek() {
      if byte == ASCII.openBrace { depth += 1 }
      if byte == ASCII.closeBrace { depth -= 1 }
      if depth == 0 { break }
      if byte == ASCII.doubleQuote || byte == ASCII.singleQuote {
        skipQuoted(byte)
      } else {
        advance()
      }
    }
    let codeRange = range(from: inner)
    let text = self.text(from: innerIndex)
    if peek() == ASCII.closeBrace {
      advance()
    } else {
      pendingIssues.append(LexIssue(.unterminatedInterpolation, range: range(from: start)))
    }
    return .code(text, codeRange)
  }

  /// Moves past a quoted string inside `${…}`.
  private mutating func skipQuoted(_ quote: UInt8) {
    advance()
    while let byte = peek(), byte != quote {
      advance()
      if quote == ASCII.doubleQuote, byte == ASCII.backslash, peek() != nil { advance() }
    }
    if peek() != nil { advance() }
  }
}
