extension Lexer {
  /// A double-quoted string: escapes, `$name` and `${…}` substitutions.
  mutating func doubleQuoted() -> TokenKind {
    let start = position
    advance()
    var parts: [TemplatePart] = []
    var text = ""
    while let scalar = peek(), scalar != "\"" {
      if scalar == "\\" {
        escape(into: &text)
      } else if scalar == "$", let part = substitution() {
        if !text.isEmpty { parts.append(.text(text)) }
        text = ""
        parts.append(part)
      } else {
        text.unicodeScalars.append(scalar)
        advance()
      }
    }
    guard peek() == "\"" else {
      pendingIssues.removeAll()
      return .invalid(LexIssue(.unterminatedString(quote: "\""), range: range(from: start)))
    }
    advance()
    if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
    let issues = pendingIssues
    pendingIssues.removeAll()
    return .string(QuotedString(parts: parts, isDoubleQuoted: true, issues: issues))
  }

  /// A single-quoted string: the text exactly as written, with no escapes.
  mutating func singleQuoted() -> TokenKind {
    let start = position
    advance()
    var text = ""
    while let scalar = peek(), scalar != "'" {
      text.unicodeScalars.append(scalar)
      advance()
    }
    guard peek() == "'" else {
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
    guard let scalar = peek() else { return text += "\\" }
    if let meaning = Self.escapes[scalar] {
      advance()
      text.unicodeScalars.append(meaning)
    } else if scalar == "u" {
      advance()
      unicodeEscape(into: &text, start: start)
    } else {
      advance()
      text += "\\" + String(scalar)
      pendingIssues.append(LexIssue(.unknownEscape(Character(scalar)), range: range(from: start)))
    }
  }

  private static let escapes: [Unicode.Scalar: Unicode.Scalar] = [
    "n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", "\"": "\"", "$": "$", "'": "'",
    "\n": "\n",
  ]

  /// `\u{1F600}`: up to eight hexadecimal digits naming a Unicode scalar.
  private mutating func unicodeEscape(into text: inout String, start: SourcePosition) {
    guard peek() == "{" else { return badUnicode(start) }
    advance()
    var hex = ""
    while let scalar = peek(), scalar.properties.isASCIIHexDigit, hex.count < 8 {
      hex.unicodeScalars.append(scalar)
      advance()
    }
    guard peek() == "}", let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value)
    else { return badUnicode(start) }
    advance()
    text.unicodeScalars.append(scalar)
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
    var text = ""
    var depth = 1
    while let scalar = peek() {
      if scalar == "{" { depth += 1 }
      if scalar == "}" { depth -= 1 }
      if depth == 0 { break }
      if scalar == "\"" || scalar == "'" {
        text += skipQuoted(scalar)
      } else {
        text.unicodeScalars.append(scalar)
        advance()
      }
    }
    let codeRange = range(from: inner)
    if peek() == "}" {
      advance()
    } else {
      pendingIssues.append(LexIssue(.unterminatedInterpolation, range: range(from: start)))
    }
    return .code(text, codeRange)
  }

  /// Copies a quoted string inside `${…}` as it is written.
  private mutating func skipQuoted(_ quote: Unicode.Scalar) -> String {
    var text = String(quote)
    advance()
    while let scalar = peek(), scalar != quote {
      text.unicodeScalars.append(scalar)
      advance()
      if quote == "\"", scalar == "\\", let escaped = peek() {
        text.unicodeScalars.append(escaped)
        advance()
      }
    }
    if let closing = peek() {
      text.unicodeScalars.append(closing)
      advance()
    }
    return text
  }
}
