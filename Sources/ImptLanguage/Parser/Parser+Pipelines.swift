extension Parser {
  /// The filters a pipeline stage may start with.
  static let filterKeywords: Set<String> = [
    "where", "select", "sort", "first", "last", "count", "get", "uniq", "each", "json", "table",
  ]

  /// Stages joined by `|`. In a `header` (the list of `for`), a `{` ends the last stage;
  /// `multiline` (inside parentheses) lets a `|` start a new line.
  mutating func parsePipeline(header: Bool, multiline: Bool = false) -> Pipeline? {
    let start = current.range
    var stages: [Stage] = []
    if let stage = parseStage(first: true, header: header) { stages.append(stage) }
    while true {
      if multiline { skipNewlinesBeforePipe() }
      guard current.kind == .pipe else { break }
      let pipe = advance()
      skipNewlines()
      if atEnd {
        report(.trailingPipe, at: pipe.range)
        break
      }
      if atStageEnd(header: header) {
        report(.missingStage(found: Self.describe(current)), at: current.range)
        if current.kind == .pipe { continue }
        break
      }
      if let stage = parseStage(first: false, header: header) { stages.append(stage) }
    }
    guard !stages.isEmpty else { return nil }
    return Pipeline(stages: stages, range: range(from: start))
  }

  private mutating func skipNewlinesBeforePipe() {
    var at = position
    while tokens[at].kind == .newline, at < tokens.count - 1 { at += 1 }
    guard tokens[at].kind == .pipe else { return }
    while position < at { advance() }
  }

  /// One stage, or nil after reporting a mistake and skipping to the next `|`.
  private mutating func parseStage(first: Bool, header: Bool) -> Stage? {
    let start = current.range
    let kind: StageKind?
    switch current.kind {
    case .word(let word) where Self.filterKeywords.contains(word):
      kind = parseFilter(word, header: header).map(StageKind.filter)
    case .word(let word) where !first && Self.statementKeywords.contains(word):
      report(.notAStage(word), at: current.range)
      kind = nil
    case .word(let word) where first && Self.literal(word) != nil:
      kind = parseExpression().map(StageKind.value)
    case .word(let word) where word.hasPrefix("-"):
      report(.expectedCommand(found: Self.describe(current)), at: current.range)
      kind = nil
    case .word:
      kind = .command(parseCommand(header: header))
    case .variable, .string, .template, .openParen, .openBracket, .openBrace:
      guard first else {
        report(.missingStage(found: Self.describe(current)), at: current.range)
        kind = nil
        break
      }
      kind = parseExpression().map(StageKind.value)
    case .invalid(let issue):
      report(issue)
      advance()
      kind = nil
    default:
      report(.expectedCommand(found: Self.describe(current)), at: current.range)
      kind = nil
    }
    guard let kind else {
      synchronize(atPipe: true)
      return nil
    }
    return Stage(kind, range: range(from: start))
  }

  // MARK: Commands

  /// A command as words and arguments: `[impt] GROUP [VERB] ARGUMENTS…`.
  private mutating func parseCommand(header: Bool) -> CommandCall {
    var group = Name(Self.wordText(current), range: advance().range)
    if group.text == "impt", case .word(let word) = current.kind, !word.hasPrefix("-") {
      group = Name(word, range: advance().range)
    }
    var verb: Name?
    if case .word(let word) = current.kind, !word.hasPrefix("-") {
      verb = Name(word, range: advance().range)
    }
    var arguments: [CommandArgument] = []
    var asksHelp = false
    while !atStageEnd(header: header) {
      let before = position
      asksHelp = asksHelp || isWord("--help") || isWord("-h")
      if let argument = parseCommandArgument() { arguments.append(argument) }
      if position == before { advance() }
    }
    return CommandCall(group: group, verb: verb, arguments: arguments, asksHelp: asksHelp)
  }

  private static func wordText(_ token: Token) -> String {
    if case .word(let text) = token.kind { return text }
    return ""
  }

  /// An option word (`--name`, `-n`, `--name=X`) or a value.
  private mutating func parseCommandArgument() -> CommandArgument? {
    switch current.kind {
    case .word(let word) where Self.isOptionWord(word):
      return .option(parseOptionWord(word))
    case .template(let parts):
      if case .text(let text) = parts.first, Self.isOptionWord(text), text.contains("=") {
        return .option(parseOptionTemplate(parts))
      }
      return parseCommandValue().map(CommandArgument.value)
    case .comma, .closeBracket:
      report(.expectedValue(found: Self.describe(current)), at: current.range)
      advance()
      return nil
    default:
      return parseCommandValue().map(CommandArgument.value)
    }
  }

  /// Whether a bare word looks like an option: `--name`, `-n`; not `-5` or `--`.
  static func isOptionWord(_ word: String) -> Bool {
    var bytes = word.utf8.makeIterator()
    guard bytes.next() == ASCII.minus, let second = bytes.next() else { return false }
    if second == ASCII.minus { return Lexer.isIdentifierStart(bytes.next()) }
    return Lexer.isIdentifierStart(second)
  }

  private mutating func parseOptionWord(_ word: String) -> OptionWord {
    let token = advance()
    guard word.utf8.contains(UInt8(ascii: "=")), let equals = word.firstIndex(of: "=") else {
      return optionWord(word, inline: nil, range: token.range)
    }
    let name = String(word[..<equals])
    let rest = String(word[word.index(after: equals)...])
    var pieces: [Expression] = []
    if !rest.isEmpty {
      let column = token.range.start.column + name.unicodeScalars.count + 1
      let valueRange = SourceRange(
        file: file, start: SourcePosition(line: token.range.start.line, column: column),
        end: token.range.end)
      pieces.append(Expression(.literal(.string(rest)), range: valueRange))
    }
    pieces += parseAdjacentPieces()
    let inline = pieces.isEmpty ? Expression(.literal(.string("")), range: token.range) : nil
    return optionWord(
      name, inline: inline ?? Self.concatenate(pieces), range: range(from: token.range))
  }

  /// `--name=dev-$i`: the option word's text part, then the rest as its value.
  private mutating func parseOptionTemplate(_ parts: [TemplatePart]) -> OptionWord {
    let token = advance()
    guard case .text(let text) = parts.first, let equals = text.firstIndex(of: "=") else {
      return optionWord("", inline: nil, range: token.range)
    }
    let name = String(text[..<equals])
    var rest = Array(parts.dropFirst())
    let tail = String(text[text.index(after: equals)...])
    if !tail.isEmpty { rest.insert(.text(tail), at: 0) }
    var pieces = [templateExpression(rest, range: token.range, bare: true)]
    pieces += parseAdjacentPieces()
    return optionWord(name, inline: Self.concatenate(pieces), range: range(from: token.range))
  }

  private func optionWord(_ text: String, inline: Expression?, range: SourceRange) -> OptionWord {
    let isLong = text.hasPrefix("--")
    let name = String(text.dropFirst(isLong ? 2 : 1))
    return OptionWord(name: name, isLong: isLong, inlineValue: inline, text: text, range: range)
  }
}
