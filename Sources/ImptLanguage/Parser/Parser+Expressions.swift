extension Parser {
  /// A condition or value: `or` of `and` of `not` of comparisons of primaries.
  ///
  /// `online == false and name =~ "^hall"` is `and(==(online, false), =~(name, "^hall"))`.
  mutating func parseExpression() -> Expression? {
    parseBinary(.or) { parser in
      parser.parseBinary(.and) { parser in parser.parseNot() }
    }
  }

  private mutating func parseBinary(
    _ op: BinaryOperator, operand: (inout Parser) -> Expression?
  ) -> Expression? {
    guard var left = operand(&self) else { return nil }
    while isWord(op.rawValue) {
      advance()
      skipNewlines()
      guard let right = operand(&self) else { return nil }
      left = Expression(.binary(op, left, right), range: range(from: left.range))
    }
    return left
  }

  private mutating func parseNot() -> Expression? {
    guard isWord("not") else { return parseComparison() }
    let start = advance().range
    guard depth < Self.depthLimit else {
      report(.tooDeep, at: start)
      return nil
    }
    depth += 1
    defer { depth -= 1 }
    return parseNot().map { Expression(.not($0), range: range(from: start)) }
  }

  private mutating func parseComparison() -> Expression? {
    guard let left = parsePrimary() else { return nil }
    guard case .word(let word) = current.kind, let op = BinaryOperator(rawValue: word),
      op.isComparison
    else { return left }
    advance()
    guard let right = parsePrimary() else { return nil }
    return Expression(.binary(op, left, right), range: range(from: left.range))
  }

  /// A value in a condition, where a bare word names a field of the piped item.
  mutating func parsePrimary() -> Expression? {
    let token = current
    guard case .word(let word) = token.kind else { return parseValue(bareWords: false) }
    if let value = Self.literal(word) {
      advance()
      return Expression(.literal(value), range: token.range)
    }
    if let path = Self.fieldPath(word, range: token.range),
      !["and", "or", "not"].contains(word)
    {
      advance()
      return parseAccess(on: Expression(.field(path), range: token.range))
    }
    report(
      ["and", "or", "not"].contains(word) || BinaryOperator(rawValue: word) != nil
        ? .expectedValue(found: Self.describe(token)) : .bareWord(word), at: token.range)
    advance()
    return nil
  }

  /// A command argument, where a bare word is text; words written together form one
  /// value: `--name=dev-"$i"`. With `commasAreText`, a comma is text too, as in
  /// `echo hello, world`; in lists it separates items.
  mutating func parseCommandValue(commasAreText: Bool = false) -> Expression? {
    if commasAreText, current.kind == .comma {
      let comma = advance()
      let first = Expression(.literal(.string(",")), range: comma.range)
      return Self.concatenate([first] + parseAdjacentPieces(commasAreText: true))
    }
    guard let first = parseValue(bareWords: true) else { return nil }
    let pieces = [first] + parseAdjacentPieces(commasAreText: commasAreText)
    return Self.concatenate(pieces)
  }

  /// Values written right after the previous token, with no space between.
  mutating func parseAdjacentPieces(commasAreText: Bool = false) -> [Expression] {
    var pieces: [Expression] = []
    while !current.spaceBefore {
      switch current.kind {
      case .word, .template, .string, .variable:
        if let piece = parseValue(bareWords: true) { pieces.append(piece) }
      case .comma where commasAreText:
        pieces.append(Expression(.literal(.string(",")), range: advance().range))
      default:
        return pieces
      }
    }
    return pieces
  }

  /// Joins pieces written together into one text value.
  static func concatenate(_ pieces: [Expression]) -> Expression? {
    guard let first = pieces.first else { return nil }
    guard pieces.count > 1, let last = pieces.last else { return first }
    var parts: [InterpolationPart] = []
    for piece in pieces {
      switch piece.kind {
      case .literal(.string(let text)): parts.append(.text(text))
      case .interpolation(let inner): parts += inner
      default: parts.append(.expression(piece))
      }
    }
    let range = SourceRange(file: first.range.file, start: first.range.start, end: last.range.end)
    return Expression(.interpolation(parts), range: range)
  }

  /// A value that is the same in conditions and arguments, or a bare word as text when
  /// `bareWords` is set.
  private mutating func parseValue(bareWords: Bool) -> Expression? {
    let token = current
    switch token.kind {
    case .word(let word) where bareWords:
      advance()
      return Expression(.literal(.string(word)), range: token.range)
    case .template(let parts):
      advance()
      return templateExpression(parts, range: token.range, bare: true)
    case .string(let string):
      advance()
      for issue in string.issues { report(issue) }
      return templateExpression(string.parts, range: token.range, bare: false)
    case .variable(let path):
      advance()
      return Expression(.variable(path), range: token.range)
    case .openParen:
      return parseParenthesized(bareWords: bareWords)
    case .openBracket:
      return parseList(bareWords: bareWords)
    case .openBrace:
      return parseRecord(bareWords: bareWords)
    case .invalid(let issue):
      report(issue)
      advance()
      return nil
    default:
      report(.expectedValue(found: Self.describe(token)), at: token.range)
      return nil
    }
  }

  /// `( PIPELINE )`, then any path written right after it: `(dg list | first).name`.
  /// In a condition, parentheses that hold a condition group it: `(online or x) and y`.
  private mutating func parseParenthesized(bareWords: Bool) -> Expression? {
    guard enterNesting() else { return nil }
    defer { leaveNesting() }
    let open = advance()
    skipNewlines()
    guard current.kind != .closeParen else {
      report(.expectedValue(found: "')'"), at: current.range)
      advance()
      return nil
    }
    if !bareWords, startsCondition {
      let inner = parseExpression()
      skipNewlines()
      guard closeGroup(open, with: .closeParen), let inner else { return nil }
      return parseAccess(on: inner)
    }
    let pipeline = parsePipeline(header: false, multiline: true)
    skipNewlines()
    guard closeGroup(open, with: .closeParen), let pipeline else { return nil }
    let expression = Expression(.pipeline(pipeline), range: range(from: open.range))
    return parseAccess(on: expression)
  }

  /// Whether the tokens after `(` in a condition are a condition rather than a pipeline:
  /// `not …`, or a field name followed by an operator or `)`. A command's second word is
  /// a verb, never an operator.
  private var startsCondition: Bool {
    guard case .word(let word) = current.kind, !Self.filterKeywords.contains(word) else {
      return false
    }
    if word == "not" { return true }
    switch next.kind {
    case .closeParen: return true
    case .word(let following): return BinaryOperator(rawValue: following) != nil
    default: return false
    }
  }

  /// Consumes the closing token of a group, or reports what is wrong and skips to it.
  mutating func closeGroup(_ open: Token, with close: TokenKind) -> Bool {
    if current.kind == close {
      advance()
      return true
    }
    if atEnd {
      reportUnclosed(open)
      return false
    }
    report(.unexpectedToken(Self.describe(current)), at: current.range)
    var level = 0
    while !atEnd {
      if level == 0, current.kind == close {
        advance()
        return false
      }
      switch current.kind {
      case .openParen, .openBracket, .openBrace: level += 1
      case .closeParen, .closeBracket, .closeBrace: level -= 1
      default: break
      }
      advance()
    }
    reportUnclosed(open)
    return false
  }

  /// `.field` and `[n]` steps written right after a value.
  private mutating func parseAccess(on base: Expression) -> Expression {
    var steps: [PathComponent] = []
    while !current.spaceBefore {
      if case .word(let word) = current.kind, word.hasPrefix("."),
        let path = Self.fieldPath(String(word.dropFirst()), range: current.range)
      {
        advance()
        steps.append(PathComponent(.field(path.name), range: path.range))
        steps += path.rest
      } else if current.kind == .openBracket, case .word(let word) = next.kind,
        let index = Int(word), tokens[min(position + 2, tokens.count - 1)].kind == .closeBracket
      {
        let start = advance().range
        advance()
        advance()
        steps.append(PathComponent(.index(index), range: range(from: start)))
      } else {
        break
      }
    }
    guard !steps.isEmpty else { return base }
    return Expression(.access(base, steps), range: range(from: base.range))
  }
}
