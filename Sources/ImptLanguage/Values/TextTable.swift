/// Lays values out as text: a table for a list of records or entities, aligned
/// `name: value` lines for one record or entity, and the text of anything else.
///
/// A table of entities shows their kind's summary fields (`select` picks others); one
/// entity shows its fields that have a value. When the table is wider than `width`, its
/// widest columns are cut with `…`.
///
/// ```
/// id                name       device_online
/// 234776801163a9ee  fixture-1  true
/// ```
public struct TextTable: Sendable {
  public var value: Value
  /// The width to fit tables into; nil for no limit.
  public var width: Int?
  public var colors: Colors

  /// Creates a layout of `value`.
  public init(_ value: Value, width: Int? = nil, colors: Colors = .off) {
    self.value = value
    self.width = width
    self.colors = colors
  }

  /// The text, with no trailing newline; empty for null.
  public func render() -> String {
    switch value {
    case .null: return ""
    case .list(let items) where items.isEmpty: return colors.dim("(no items)")
    case .list(let items) where items.allSatisfy(\.isRecordLike):
      return TableLayout(rows: items.map(\.summary), width: width, colors: colors).text
    case .list(let items):
      return items.map { TextTable($0, width: width, colors: colors).render() }
        .joined(separator: "\n")
    case .record(let record): return KeyValueLayout(record: record, style: colors).text
    case .entity(let entity):
      return KeyValueLayout(record: entity.fields.withoutNulls, style: colors).text
    default: return value.displayText.escapingControlCharacters
    }
  }
}

extension Value {
  /// An entity reduced to its kind's summary fields, for a table row; others as they are.
  public var summary: Value {
    guard case .entity(let entity) = self else { return self }
    let schema = EntitySchema.of(entity.kind)
    let extra = entity.fields.names.filter { schema.field(named: $0) == nil }
    let pairs = (schema.summaryFields + extra).compactMap { name in
      entity.fields[name].map { (name, $0) }
    }
    return .record(Record(pairs))
  }

  /// Whether the value renders as a table row: a record or an entity.
  var isRecordLike: Bool { recordFields != nil }

  /// The fields of a record or an entity.
  var recordFields: Record? {
    switch self {
    case .record(let record): record
    case .entity(let entity): entity.fields
    default: nil
    }
  }

  /// The text of a table cell: null is empty, lists join with commas, one line only,
  /// control characters shown as escapes.
  var cellText: String {
    switch self {
    case .null: return ""
    case .list(let items): return items.map(\.cellText).joined(separator: ", ")
    case .string(let text) where text.contains(where: \.isNewline):
      return text.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ")
        .escapingControlCharacters
    default: return displayText.escapingControlCharacters
    }
  }
}

extension String {
  /// The text with every control character but newline and tab written as an imptsh
  /// escape, so text from the service never drives the terminal.
  ///
  /// ESC, BEL and the other C0 controls, DEL and the C1 controls become `\u{1B}`,
  /// `\u{7}`, `\u{7F}`…, which read back as the same text inside double quotes:
  /// `"EVIL\u{1B}[2J"` stays `EVIL\u{1B}[2J` on screen instead of clearing it.
  public var escapingControlCharacters: String {
    guard unicodeScalars.contains(where: Self.isHidden) else { return self }
    var text = ""
    for scalar in unicodeScalars {
      if Self.isHidden(scalar) {
        text += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        text.unicodeScalars.append(scalar)
      }
    }
    return text
  }

  private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: false
    case 0x00..<0x20, 0x7F..<0xA0: true
    default: false
    }
  }
}

extension Record {
  /// The record without its null fields, for showing one entity.
  public var withoutNulls: Record {
    Record(pairs.filter { $0.1 != .null })
  }
}
