extension Parser {
  /// The words that start a statement of their own.
  static let statementKeywords: Set<String> = [
    "let", "set", "if", "for", "assert", "source", "exit", "sleep", "try", "echo", "use",
    "explain",
    "record", "help", "else", "catch",
  ]

  /// Statements up to the end of the input, or up to `}` inside a block.
  mutating func parseStatements(inBlock: Bool) -> [Statement] {
    var statements: [Statement] = []
    while true {
      skipSeparators()
      switch current.kind {
      case .end:
        return statements
      case .closeBrace where inBlock:
        return statements
      case .closeBrace, .closeParen, .closeBracket:
        report(.unexpectedCloser(Self.closerText(current)), at: current.range)
        advance()
        continue
      default:
        break
      }
      let before = position
      if let statement = parseStatement() { statements.append(statement) }
      finishStatement()
      if position == before { advance() }
    }
  }

  /// Checks that the statement ended where it should, and skips what follows if not.
  private mutating func finishStatement() {
    switch current.kind {
    case .newline, .semicolon, .closeBrace, .closeParen, .closeBracket, .end:
      return
    case .invalid(let issue):
      report(issue)
      advance()
    default:
      report(.unexpectedToken(Self.describe(current)), at: current.range)
    }
    synchronize()
  }

  private static func closerText(_ token: Token) -> String {
    switch token.kind {
    case .closeParen: ")"
    case .closeBracket: "]"
    default: "}"
    }
  }

  /// One statement, or nil after reporting a mistake.
  mutating func parseStatement() -> Statement? {
    let start = current.range
    guard case .word(let word) = current.kind, Self.statementKeywords.contains(word) else {
      return parsePipeline(header: false).map { Statement(.pipeline($0), range: $0.range) }
    }
    advance()
    guard let kind = parseKeywordStatement(word, start: start) else { return nil }
    return Statement(kind, range: range(from: start))
  }

  private mutating func parseKeywordStatement(
    _ keyword: String, start: SourceRange
  ) -> StatementKind? {
    switch keyword {
    case "let": return parseLet()
    case "set":
      return parseLet(keyword: "set").map { kind in
        guard case .assignment(let name, let value) = kind else { return kind }
        return .reassignment(name, value)
      }
    case "if": return parseIf()
    case "for": return parseFor()
    case "assert": return parseAssert()
    case "source": return parseSingleArgument("a file name", after: "'source'").map { .source($0) }
    case "exit": return .exit(atStatementEnd ? nil : parseCommandValue())
    case "sleep":
      return parseSingleArgument("a number of seconds", after: "'sleep'").map { .sleep($0) }
    case "try": return parseTry()
    case "echo": return .echo(parseValues())
    case "use": return parseUse()
    case "explain": return parseExplain()
    case "record": return parseRecord()
    case "help": return parseHelp()
    default:
      let owner = keyword == "else" ? "an 'if' block" : "a 'try' block"
      report(.dangling(keyword, owner: owner), at: start)
      synchronize()
      return nil
    }
  }

  // MARK: Keyword statements

  private mutating func parseLet(keyword: String = "let") -> StatementKind? {
    guard let name = parseBindingName(after: "'\(keyword)'"),
      expectWord("=", after: "'\(keyword) \(name.text)'")
    else { return nil }
    guard !atStageEnd(header: false) else {
      report(.expected("a value", after: "'='", found: Self.describe(current)), at: current.range)
      return nil
    }
    return parsePipeline(header: false).map { .assignment(name, $0) }
  }

  /// Consumes the bare word `word`, or reports that it is missing and skips the statement.
  private mutating func expectWord(_ word: String, after: String) -> Bool {
    guard isWord(word) else {
      report(.expected("'\(word)'", after: after, found: Self.describe(current)), at: current.range)
      synchronize()
      return false
    }
    advance()
    return true
  }

  /// A variable name after `let` or `for`: `x` or `$x`.
  private mutating func parseBindingName(after keyword: String) -> Name? {
    let token = current
    switch token.kind {
    case .word(let word) where Self.isIdentifier(word):
      advance()
      return Name(word, range: token.range)
    case .variable(let path) where path.components.isEmpty:
      if case .named(let name) = path.root {
        advance()
        return Name(name, range: token.range)
      }
    case .word(let word) where word.contains("=") && !word.hasPrefix("="):
      let name = word.prefix { $0 != "=" }
      report(
        .expected(
          "'='", after: "'let \(name)'", found: nil,
          hint: "Put spaces around '=': 'let \(name) = VALUE'."), at: token.range)
      synchronize()
      return nil
    default:
      break
    }
    let word = keyword.filter { $0 != "'" }
    let hint =
      word == "for"
      ? "Name the variable: 'for NAME in …'." : "Name the variable: '\(word) NAME = VALUE'."
    report(
      .expected("a variable name", after: keyword, found: Self.describe(token), hint: hint),
      at: token.range)
    synchronize()
    return nil
  }

  private mutating func parseIf() -> StatementKind? {
    var branches: [ConditionalBranch] = []
    var otherwise: Block?
    while true {
      guard let branch = parseBranch() else { return nil }
      branches.append(branch)
      guard skipToKeyword("else") else { break }
      advance()
      if isWord("if") {
        advance()
        continue
      }
      otherwise = parseBlock(after: "'else'")
      break
    }
    return .conditional(branches, otherwise: otherwise)
  }

  private mutating func parseBranch() -> ConditionalBranch? {
    if current.kind == .openBrace, blockEndsStatement() {
      report(
        .expected(
          "a condition", after: "'if'", found: Self.describe(current),
          hint: "Write the condition before the block: 'if $n > 0 { … }'."),
        at: current.range)
      // Parsed on with a stand-in condition, so an `else` after it is no second error.
      let missing = Expression(.literal(.bool(false)), range: current.range)
      return parseBlock(after: "'if'").map { ConditionalBranch(condition: missing, body: $0) }
    }
    let condition = parseExpression()
    if condition == nil { skipToBrace() }
    guard let body = parseBlock(after: "the condition of 'if'"), let condition else {
      return nil
    }
    return ConditionalBranch(condition: condition, body: body)
  }

  /// Whether the braces starting here close where a statement or an `else` could
  /// follow, so they are the block of an `if` without a condition rather than a record
  /// that starts the condition (`if {a: 1} == $r { … }`).
  private func blockEndsStatement() -> Bool {
    var depth = 0
    var at = position
    while at < tokens.count - 1 {
      switch tokens[at].kind {
      case .openBrace: depth += 1
      case .closeBrace: depth -= 1
      default: break
      }
      at += 1
      if depth == 0 { break }
    }
    switch tokens[at].kind {
    case .newline, .end, .semicolon, .closeBrace, .word("else"): return true
    default: return false
    }
  }

  /// Moves past newlines to `keyword` if it comes next, and says whether it does.
  mutating func skipToKeyword(_ keyword: String) -> Bool {
    var at = position
    while tokens[at].kind == .newline, at < tokens.count - 1 { at += 1 }
    guard tokens[at].kind == .word(keyword) else { return false }
    while position < at { advance() }
    return true
  }

  /// After a broken condition, skips to the `{` of its block on the same line.
  private mutating func skipToBrace() {
    while !atStatementEnd, current.kind != .openBrace { advance() }
  }

  private mutating func parseFor() -> StatementKind? {
    guard let name = parseBindingName(after: "'for'"),
      expectWord("in", after: "'for \(name.text)'")
    else { return nil }
    guard !atStageEnd(header: true) else {
      report(
        .expected("a list to go through", after: "'in'", found: Self.describe(current)),
        at: current.range)
      synchronize()
      return nil
    }
    let list = parsePipeline(header: true)
    guard let body = parseBlock(after: "the list of 'for'"), let list else { return nil }
    return .loop(name, list, body)
  }

  private mutating func parseAssert() -> StatementKind? {
    guard let condition = parseExpression() else { return nil }
    let message = atStatementEnd ? nil : parseCommandValue()
    return .assertion(condition, message: message, text: text(of: condition.range))
  }

  private mutating func parseTry() -> StatementKind? {
    guard let body = parseBlock(after: "'try'") else { return nil }
    guard skipToKeyword("catch") else { return .attempt(body, recovery: nil) }
    advance()
    guard let recovery = parseBlock(after: "'catch'") else { return nil }
    return .attempt(body, recovery: recovery)
  }

  private mutating func parseUse() -> StatementKind? {
    guard !atStatementEnd else { return .use(target: nil, value: nil) }
    guard case .word(let word) = current.kind else {
      report(
        .expected("'product', 'dg' or 'none'", after: "'use'", found: Self.describe(current)),
        at: current.range)
      synchronize()
      return nil
    }
    let target = Name(word, range: advance().range)
    let value = atStatementEnd ? nil : parseCommandValue()
    return .use(target: target, value: value)
  }

  private mutating func parseExplain() -> StatementKind? {
    guard !atStatementEnd else {
      report(
        .expected("a command", after: "'explain'", found: Self.describe(current)),
        at: current.range)
      return nil
    }
    return parsePipeline(header: false).map { .explain($0) }
  }

  private mutating func parseRecord() -> StatementKind? {
    var action: Name?
    if case .word(let word) = current.kind {
      action = Name(word, range: advance().range)
    }
    let file = atStatementEnd ? nil : parseCommandValue()
    return .record(action: action, file: file)
  }

  private mutating func parseHelp() -> StatementKind? {
    var words: [Name] = []
    while case .word(let word) = current.kind {
      words.append(Name(word, range: advance().range))
    }
    return .help(words)
  }

  /// Values up to the end of the statement, as `echo` takes them.
  private mutating func parseValues() -> [Expression] {
    var values: [Expression] = []
    while !atStatementEnd, current.kind != .pipe, current.kind != .closeBracket {
      let before = position
      if let value = parseCommandValue(commasAreText: true) { values.append(value) }
      if position == before { break }
    }
    return values
  }

  private mutating func parseSingleArgument(_ what: String, after: String) -> Expression? {
    guard !atStatementEnd else {
      report(.expected(what, after: after, found: Self.describe(current)), at: current.range)
      return nil
    }
    return parseCommandValue()
  }

  /// A block: `{`, statements, `}`.
  mutating func parseBlock(after what: String) -> Block? {
    guard current.kind == .openBrace else {
      report(.expected("'{'", after: what, found: Self.describe(current)), at: current.range)
      synchronize()
      return nil
    }
    guard enterNesting() else { return nil }
    defer { leaveNesting() }
    let open = advance()
    let statements = parseStatements(inBlock: true)
    guard current.kind == .closeBrace else {
      reportUnclosed(open)
      return Block(statements: statements, range: range(from: open.range))
    }
    advance()
    return Block(statements: statements, range: range(from: open.range))
  }

  /// Whether text is a name: a letter or `_`, then letters, digits or `_`.
  static func isIdentifier(_ text: String) -> Bool {
    guard let first = text.utf8.first, Lexer.isIdentifierStart(first) else { return false }
    return text.utf8.allSatisfy { Lexer.isIdentifierPart($0) }
  }
}
