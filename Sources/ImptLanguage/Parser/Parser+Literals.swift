extension Parser {
  /// The value of a literal word: `true`, `false`, `null`, or a number such as `12`,
  /// `-3` or `1.5`; nil for any other word.
  static func literal(_ word: String) -> Value? {
    switch word {
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "null": return .null
    default: return number(word).map(Value.number)
    }
  }

  /// The number a word spells: digits with an optional sign and fraction.
  static func number(_ word: String) -> Double? {
    var scalars = Substring(word).unicodeScalars[...]
    if scalars.first == "-" { scalars = scalars.dropFirst() }
    let whole = scalars.prefix { Lexer.isDigit($0) }
    guard !whole.isEmpty else { return nil }
    let rest = scalars.dropFirst(whole.count)
    if !rest.isEmpty {
      guard rest.first == ".", rest.count > 1, rest.dropFirst().allSatisfy(Lexer.isDigit) else {
        return nil
      }
    }
    return Double(word)
  }

  /// A field path from a bare word: `name`, `env_vars.region`; nil if it is not one.
  static func fieldPath(_ word: String, range: SourceRange) -> FieldPath? {
    guard word.utf8.contains(ASCII.dot) else {
      return isIdentifier(word) ? FieldPath(name: word, range: range) : nil
    }
    let names = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard let first = names.first, names.allSatisfy(isIdentifier) else { return nil }
    var column = range.start.column + first.unicodeScalars.count
    var rest: [PathComponent] = []
    for name in names.dropFirst() {
      let start = SourcePosition(line: range.start.line, column: column)
      column += name.unicodeScalars.count + 1
      let end = SourcePosition(line: range.start.line, column: column)
      rest.append(
        PathComponent(.field(name), range: SourceRange(file: range.file, start: start, end: end)))
    }
    return FieldPath(name: first, rest: rest, range: range)
  }

  /// The expression for text with substitutions. A bare word that is nothing but one
  /// `${…}` keeps the substitution's own value instead of becoming text.
  mutating func templateExpression(
    _ parts: [TemplatePart], range: SourceRange, bare: Bool
  ) -> Expression {
    var pieces: [InterpolationPart] = []
    for part in parts {
      switch part {
      case .text(let text):
        pieces.append(.text(text))
      case .variable(let path):
        pieces.append(.expression(Expression(.variable(path), range: path.range)))
      case .code(let code, let codeRange):
        if let expression = parseCode(code, range: codeRange) {
          pieces.append(.expression(expression))
        }
      }
    }
    if pieces.count == 1, let only = pieces.first {
      switch only {
      case .text(let text): return Expression(.literal(.string(text)), range: range)
      case .expression(let expression) where bare: return expression
      default: break
      }
    }
    return Expression(.interpolation(pieces), range: range)
  }

  /// The source inside `${…}`: a variable path such as `name.field`, or a pipeline.
  private mutating func parseCode(_ code: String, range: SourceRange) -> Expression? {
    let trimmed = code.trimmingSpaces
    if let path = Self.fieldPath(trimmed, range: range) {
      let variable = VariablePath(root: .named(path.name), components: path.rest, range: range)
      return Expression(.variable(variable), range: range)
    }
    guard !trimmed.isEmpty else {
      report(.expectedValue(found: "'}'"), at: range)
      return nil
    }
    guard depth < Self.depthLimit else {
      report(.tooDeep, at: range)
      return nil
    }
    let tokens = Lexer.tokenize(code, file: file, start: range.start)
    var inner = Parser(tokens: tokens, file: file, source: source, depth: depth + 1)
    inner.lines = lines
    inner.skipNewlines()
    let pipeline = inner.parsePipeline(header: false, multiline: true)
    inner.skipNewlines()
    if !inner.atEnd {
      inner.report(.unexpectedToken(Self.describe(inner.current)), at: inner.current.range)
    }
    diagnostics += inner.diagnostics
    lines = lines ?? inner.lines
    return pipeline.map { Expression(.pipeline($0), range: range) }
  }

  /// `[a, b, c]`: items separated by commas or newlines.
  mutating func parseList(bareWords: Bool) -> Expression? {
    guard enterNesting() else { return nil }
    defer { leaveNesting() }
    let open = advance()
    var items: [Expression] = []
    while true {
      skipListSeparators()
      if current.kind == .closeBracket || atEnd { break }
      let before = position
      if let item = bareWords ? parseCommandValue() : parseExpression() { items.append(item) }
      if position == before { break }
    }
    guard closeGroup(open, with: .closeBracket) else { return nil }
    return Expression(.list(items), range: range(from: open.range))
  }

  private mutating func skipListSeparators() {
    while current.kind == .comma || current.kind == .newline { advance() }
  }

  /// `{name: "x", n: 1}`: fields separated by commas or newlines.
  mutating func parseRecord(bareWords: Bool) -> Expression? {
    guard enterNesting() else { return nil }
    defer { leaveNesting() }
    let open = advance()
    var entries: [RecordEntry] = []
    while true {
      skipListSeparators()
      if current.kind == .closeBrace || atEnd { break }
      let before = position
      if let entry = parseRecordEntry(bareWords: bareWords) {
        entries.append(entry)
      } else {
        skipToRecordSeparator()
      }
      if position == before { break }
    }
    guard closeGroup(open, with: .closeBrace) else { return nil }
    return Expression(.record(entries), range: range(from: open.range))
  }

  private mutating func skipToRecordSeparator() {
    while ![.comma, .newline, .closeBrace, .end].contains(current.kind) { advance() }
  }

  /// `key: value`, also written `key:value` or `"key": value`.
  private mutating func parseRecordEntry(bareWords: Bool) -> RecordEntry? {
    let token = current
    var key: String
    var glued: String?
    switch token.kind {
    case .word(let word) where word.contains(":"):
      let colon = word.firstIndex(of: ":") ?? word.endIndex
      key = String(word[..<colon])
      glued = String(word[word.index(after: colon)...])
      advance()
    case .word(let word):
      key = word
      advance()
    case .string(let string) where string.parts.count <= 1:
      if case .text(let text) = string.parts.first { key = text } else { key = "" }
      advance()
    default:
      report(.badRecordKey(found: Self.describe(token)), at: token.range)
      return nil
    }
    if glued == nil {
      guard case .word(let word) = current.kind, word.hasPrefix(":") else {
        report(.badRecordKey(found: Self.describe(current)), at: current.range)
        return nil
      }
      glued = String(word.dropFirst())
      advance()
    }
    guard !key.isEmpty else {
      report(.badRecordKey(found: "':'"), at: token.range)
      return nil
    }
    let name = Name(key, range: token.range)
    guard let glued, !glued.isEmpty else {
      return parseEntryValue(bareWords: bareWords).map { RecordEntry(key: name, value: $0) }
    }
    return RecordEntry(key: name, value: gluedValue(glued, bareWords: bareWords, at: token.range))
  }

  private mutating func parseEntryValue(bareWords: Bool) -> Expression? {
    bareWords ? parseCommandValue() : parseExpression()
  }

  private mutating func gluedValue(_ text: String, bareWords: Bool, at range: SourceRange)
    -> Expression
  {
    if !bareWords, let value = Self.literal(text) {
      return Expression(.literal(value), range: range)
    }
    if !bareWords, let path = Self.fieldPath(text, range: range) {
      return Expression(.field(path), range: range)
    }
    if !bareWords { report(.bareWord(text), at: range) }
    return Expression(.literal(.string(text)), range: range)
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and newlines.
  var trimmingSpaces: String {
    let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}
