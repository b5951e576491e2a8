extension Value {
  /// The value as text for interpolation and `echo`.
  ///
  /// Text stays as it is, numbers lose a trailing `.0`, an entity shows its id, null shows
  /// as `null`, and lists and records show as compact JSON: `"n: $n"` gives `n: 12`.
  public var displayText: String {
    switch self {
    case .null: "null"
    case .bool(let flag): flag ? "true" : "false"
    case .number(let number): Self.format(number)
    case .string(let text): text
    case .entity(let entity): entity.id
    case .list, .record: jsonText(pretty: false)
    }
  }

  /// A number as people write it: `12`, `1.5`, `-0.25`.
  public static func format(_ number: Double) -> String {
    if number.isNaN || number.isInfinite { return "null" }
    if number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
    return String(number)
  }

  /// The items a pipe stage works through: a list's items, nothing for null, otherwise the
  /// value alone.
  public var items: [Value] {
    switch self {
    case .list(let items): items
    case .null: []
    default: [self]
    }
  }

  /// The type of the value as a phrase for messages: `a number`, `a device`.
  public var phrase: String { ValueType(of: self).phrase }

  /// The value of field `name`: an entity's field (aliases allowed) or a record's; nil
  /// when the value has no fields or no such field.
  public func field(_ name: String) -> Value? {
    switch self {
    case .entity(let entity): entity.field(name)
    case .record(let record): record[name]
    default: nil
    }
  }
}
