extension Lexer {
  /// A bare word, which may hold `$` substitutions and `\` escapes.
  ///
  /// `dev-$i` gives a template of `dev-` and `$i`; `$x.name` alone gives a variable token.
  mutating func word() -> TokenKind {
    var parts: [TemplatePart] = []
    var text = ""
    while let byte = peek(), !Self.endsWord(byte) {
      if byte == ASCII.backslash {
        guard peek(1) != nil, peek(1) != ASCII.newline else { break }
        advance()
        text.unicodeScalars.append(advanceScalar())
      } else if byte == ASCII.dollar, let part = substitution() {
        if !text.isEmpty { parts.append(.text(text)) }
        text = ""
        parts.append(part)
      } else {
        text += plainRun()
      }
    }
    if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
    if let issue = pendingIssues.first {
      pendingIssues.removeAll()
      return .invalid(issue)
    }
    return wordKind(parts)
  }

  /// The bytes up to the next one that ends the word or needs a closer look.
  private mutating func plainRun() -> String {
    let start = index
    advance()
    while let byte = peek(), byte != ASCII.backslash, byte != ASCII.dollar, !Self.endsWord(byte) {
      advance()
    }
    return text(from: start)
  }

  private func wordKind(_ parts: [TemplatePart]) -> TokenKind {
    guard parts.count == 1, let part = parts.first else { return .template(parts) }
    switch part {
    case .text(let text): return .word(text)
    case .variable(let path): return .variable(path)
    case .code: return .template(parts)
    }
  }

  /// A word of brace groups such as `{me}{MyProduct}{MyDG}`, the hierarchical identifier
  /// impt accepts, or nil when the braces open a block or record.
  mutating func hierarchicalWord() -> String? {
    var at = index
    var groups = 0
    while at < bytes.count, bytes[at] == ASCII.openBrace {
      at += 1
      while at < bytes.count, !Self.endsGroup(bytes[at]) { at += 1 }
      guard at < bytes.count, bytes[at] == ASCII.closeBrace else { return nil }
      at += 1
      groups += 1
    }
    guard groups >= 2, at == bytes.count || Self.endsWord(bytes[at]) else { return nil }
    let start = index
    while index < at { advance() }
    return text(from: start)
  }

  private static func endsGroup(_ byte: UInt8) -> Bool {
    byte == ASCII.openBrace || byte == ASCII.closeBrace || byte == ASCII.dollar || endsWord(byte)
  }

  /// A `$` substitution at the current position: `$name…`, `$1`, or `${…}`; nil when the
  /// `$` stands for itself.
  mutating func substitution() -> TemplatePart? {
    if peek(1) == ASCII.openBrace { return code() }
    return variablePath().map(TemplatePart.variable)
  }

  /// `$name`, `$1`, and the path that follows: `.field` and `[index]` steps.
  mutating func variablePath() -> VariablePath? {
    let start = position
    let root: VariableRoot
    if Self.isIdentifierStart(peek(1)) {
      advance()
      root = .named(identifier())
    } else if Self.isDigit(peek(1)) {
      advance()
      root = .positional(Int(digits()) ?? Int.max)
    } else {
      return nil
    }
    var components: [PathComponent] = []
    while let component = pathComponent() { components.append(component) }
    return VariablePath(root: root, components: components, range: range(from: start))
  }

  private mutating func pathComponent() -> PathComponent? {
    let start = position
    if peek() == ASCII.dot, Self.isIdentifierStart(peek(1)) {
      advance()
      return PathComponent(.field(identifier()), range: range(from: start))
    }
    guard peek() == ASCII.openBracket else { return nil }
    var length = 1
    if peek(length) == ASCII.minus { length += 1 }
    let digitsStart = length
    while Self.isDigit(peek(length)) { length += 1 }
    guard length > digitsStart, peek(length) == ASCII.closeBracket else { return nil }
    let textStart = index + 1
    let number = String(decoding: bytes[textStart..<(index + length)], as: UTF8.self)
    for _ in 0...length { advance() }
    return PathComponent(.index(Int(number) ?? Int.max), range: range(from: start))
  }

  private mutating func identifier() -> String {
    let start = index
    while Self.isIdentifierPart(peek()) { advance() }
    return text(from: start)
  }

  private mutating func digits() -> String {
    let start = index
    while Self.isDigit(peek()) { advance() }
    return text(from: start)
  }
}
