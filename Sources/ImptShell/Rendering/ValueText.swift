import ImptLanguage

/// Short text for one value inside a table cell or after a key.
///
/// `[.string("a"), .string("b")]` becomes `a, b`; a record becomes `{k: v}`; null is empty.
enum ValueText {
  /// The value as one line of text.
  static func cell(_ value: Value) -> String {
    switch value {
    case .null: return ""
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let value): return number(value)
    case .string(let text): return oneLine(text)
    case .list(let items): return items.map(cell).joined(separator: ", ")
    case .record(let record): return braces(record)
    case .entity(let entity): return entity.id
    }
  }

  /// A number without a trailing `.0` when it is whole.
  static func number(_ number: Double) -> String {
    if number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
    return String(number)
  }

  private static func braces(_ record: Record) -> String {
    let inner = record.pairs.map { "\($0.0): \(cell($0.1))" }.joined(separator: ", ")
    return "{\(inner)}"
  }

  private static func oneLine(_ text: String) -> String {
    guard text.contains(where: \.isNewline) else { return text }
    return text.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ")
  }
}
