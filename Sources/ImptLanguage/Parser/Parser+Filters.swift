extension Parser {
  /// A filter stage after its keyword: `where COND`, `sort -r name`, `first 3`, …
  mutating func parseFilter(_ keyword: String, header: Bool) -> Filter? {
    advance()
    switch keyword {
    case "where":
      return requireValue(after: keyword, header: header)
        ? parseExpression().map(Filter.where) : nil
    case "select":
      let fields = parseFieldList(after: keyword, header: header)
      return fields.isEmpty ? nil : .select(fields)
    case "sort":
      return parseSort(header: header)
    case "first":
      return .first(atStageEnd(header: header) ? nil : parseCount())
    case "last":
      return .last(atStageEnd(header: header) ? nil : parseCount())
    case "get":
      return parseField(after: "'get'").map(Filter.get)
    case "each":
      return parseBlock(after: "'each'").map(Filter.each)
    case "count": return .count
    case "uniq": return .uniq
    case "json": return .json
    default: return .table
    }
  }

  /// The number after `first` or `last`: a word is taken as written, for the checker to
  /// judge, and anything else is a value such as `$n`.
  private mutating func parseCount() -> Expression? {
    guard case .word(let word) = current.kind else { return parsePrimary() }
    let token = advance()
    return Expression(.literal(Self.literal(word) ?? .string(word)), range: token.range)
  }

  private mutating func requireValue(after keyword: String, header: Bool) -> Bool {
    guard atStageEnd(header: header) else { return true }
    report(
      .expected("a condition", after: "'\(keyword)'", found: Self.describe(current)),
      at: current.range)
    return false
  }

  /// `sort`, `sort name`, `sort -r name`, `sort name -r`.
  private mutating func parseSort(header: Bool) -> Filter? {
    var descending = skipReverseFlag()
    guard !atStageEnd(header: header) else { return .sort(nil, descending: descending) }
    guard let field = parseField(after: "'sort'") else { return nil }
    if !atStageEnd(header: header), skipReverseFlag() { descending = true }
    return .sort(field, descending: descending)
  }

  private mutating func skipReverseFlag() -> Bool {
    guard isWord("-r") || isWord("--reverse") else { return false }
    advance()
    return true
  }

  private mutating func parseFieldList(after keyword: String, header: Bool) -> [FieldPath] {
    var fields: [FieldPath] = []
    repeat {
      guard let field = parseField(after: "'\(keyword)'") else { return [] }
      fields.append(field)
    } while !atStageEnd(header: header)
    return fields
  }

  /// A field name such as `name` or `env_vars.region`.
  private mutating func parseField(after what: String) -> FieldPath? {
    let token = current
    if case .word(let word) = token.kind, let path = Self.fieldPath(word, range: token.range) {
      advance()
      return path
    }
    report(.expected("a field name", after: what, found: Self.describe(token)), at: token.range)
    return nil
  }
}
