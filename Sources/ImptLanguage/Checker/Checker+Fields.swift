import ImpCentral

extension Checker {
  /// The type of a field path on an item, reporting fields the item cannot have.
  mutating func fieldType(of item: ValueType, path: FieldPath) -> ValueType {
    let first = type(of: item, field: path.name, at: path.range, bareWord: false)
    return type(of: first, steps: path.rest)
  }

  /// The type after `.field` and `[index]` steps.
  mutating func type(of base: ValueType, steps: [PathComponent]) -> ValueType {
    var type = base
    for step in steps {
      switch step.kind {
      case .field(let name):
        type = self.type(of: type, field: name, at: step.range, bareWord: false)
      case .index: type = indexType(of: type, at: step.range)
      }
    }
    return type
  }

  /// The type of one field. A field of a list is the list of that field of each item.
  /// `bareWord` marks a bare name in a condition, where the help suggests quoting.
  mutating func type(
    of base: ValueType, field: String, at range: SourceRange, bareWord: Bool
  ) -> ValueType {
    switch base {
    case .any, .null:
      return .any
    case .list(let element):
      return .list(type(of: element, field: field, at: range, bareWord: bareWord))
    case .entity(let kind):
      let schema = EntitySchema.of(kind)
      if let known = schema.field(named: field) { return known.type }
      reportUnknownField(field, of: base, candidates: schema.allNames, at: range, bareWord)
      return .any
    case .record(let fields?):
      if let known = fields[field] { return known }
      reportUnknownField(field, of: base, candidates: fields.keys.sorted(), at: range, bareWord)
      return .any
    case .record(nil):
      return .any
    case .bool, .number, .string:
      report(.noFields(field, of: base), at: range)
      return .any
    }
  }

  private mutating func reportUnknownField(
    _ field: String, of type: ValueType, candidates: [String], at range: SourceRange,
    _ bareWord: Bool
  ) {
    let suggestion = Suggestion.closest(to: field, in: candidates)
    report(
      bareWord
        ? .unknownFieldOrText(field, of: type, suggestion: suggestion)
        : .unknownField(field, of: type, suggestion: suggestion), at: range)
  }

  private mutating func indexType(of base: ValueType, at range: SourceRange) -> ValueType {
    switch base {
    case .list(let element): return element
    case .any, .null, .record(nil): return .any
    default:
      report(.notIndexable(base), at: range)
      return .any
    }
  }
}
