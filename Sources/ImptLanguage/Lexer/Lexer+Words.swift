extension Lexer {
  /// A bare word, which may hold `$` substitutions and `\` escapes.
  ///
  /// `dev-$i` gives a template of `dev-` and `$i`; `$x.name` alone gives a variable token.
  mutating func word() -> TokenKind {
    var parts: [TemplatePart] = []
    var text = ""
    while let scalar = peek(), !Self.endsWord(scalar) {
      if scalar == "\\" {
        guard let escaped = peek(1), escaped != "\n" else { break }
        advance()
        advance()
        text.unicodeScalars.append(escaped)
      } else if scalar == "$", let part = substitution() {
        if !text.isEmpty { parts.append(.text(text)) }
        text = ""
        parts.append(part)
      } else {
        text.unicodeScalars.append(scalar)
        advance()
      }
    }
    if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
    if let issue = pendingIssues.first {
      pendingIssues.removeAll()
      return .invalid(issue)
    }
    return wordKind(parts)
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
    while at < scalars.count, scalars[at] == "{" {
      at += 1
      while at < scalars.count, !Self.endsGroup(scalars[at]) { at += 1 }
      guard at < scalars.count, scalars[at] == "}" else { return nil }
      at += 1
      groups += 1
    }
    guard groups >= 2, at == scalars.count || Self.endsWord(scalars[at]) else { return nil }
    var text = ""
    while index < at {
      text.unicodeScalars.append(scalars[index])
      advance()
    }
    return text
  }

  private static func endsGroup(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "{" || scalar == "}" || scalar == "$" || endsWord(scalar)
  }

  /// A `$` substitution at the current position: `$name…`, `$1`, or `${…}`; nil when the
  /// `$` stands for itself.
  mutating func substitution() -> TemplatePart? {
    if peek(1) == "{" { return code() }
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
    if peek() == ".", Self.isIdentifierStart(peek(1)) {
      advance()
      return PathComponent(.field(identifier()), range: range(from: start))
    }
    guard peek() == "[" else { return nil }
    var length = 1
    if peek(length) == "-" { length += 1 }
    let digitsStart = length
    while Self.isDigit(peek(length)) { length += 1 }
    guard length > digitsStart, peek(length) == "]" else { return nil }
    var text = ""
    for offset in 1..<length { text.unicodeScalars.append(peek(offset) ?? "0") }
    for _ in 0...length { advance() }
    let index = Int(text) ?? Int.max
    return PathComponent(.index(index), range: range(from: start))
  }

  private mutating func identifier() -> String {
    var text = ""
    while let scalar = peek(), Self.isIdentifierPart(scalar) {
      text.unicodeScalars.append(scalar)
      advance()
    }
    return text
  }

  private mutating func digits() -> String {
    var text = ""
    while let scalar = peek(), Self.isDigit(scalar) {
      text.unicodeScalars.append(scalar)
      advance()
    }
    return text
  }
}
