import ImpCentral
import ImptLanguage

/// Turns a result value into the text the user sees.
///
/// Lists of records render as a table, one record as aligned `key: value` lines, scalars
/// as themselves; `--output json` gives JSON and `--output minimal` gives bare ids.
public struct Renderer: Sendable {
  public var options: RenderOptions

  /// Creates a renderer.
  public init(options: RenderOptions) {
    self.options = options
  }

  /// The text for `value`, ending in a newline, or empty when there is nothing to show.
  public func render(_ value: Value) -> String {
    let text: String
    switch options.mode {
    case .json: text = JSONRendering.text(value)
    case .minimal: text = minimal(value)
    case .table, .debug: text = table(value)
    }
    guard !text.isEmpty else { return "" }
    return text.hasSuffix("\n") ? text : text + "\n"
  }

  private func table(_ value: Value) -> String {
    switch value {
    case .null: return ""
    case .list(let items) where items.isEmpty: return style.dim("(no items)")
    case .list(let items) where items.allSatisfy(\.isRecordLike):
      return TableLayout(rows: items.map(\.summary), options: options).text
    case .list(let items): return items.map(table).joined(separator: "\n")
    case .record(let record): return KeyValueLayout(record: record, style: style).text
    case .entity(let entity):
      return KeyValueLayout(record: entity.fields.withoutNulls, style: style).text
    case .string(let text): return text
    default: return ValueText.cell(value)
    }
  }

  private func minimal(_ value: Value) -> String {
    switch value {
    case .null: return ""
    case .entity(let entity): return entity.id
    case .list(let items): return items.map(minimal).filter { !$0.isEmpty }.joined(separator: "\n")
    case .record(let record):
      if let id = record["id"] { return ValueText.cell(id) }
      return record.values.map(ValueText.cell).joined(separator: " ")
    default: return ValueText.cell(value)
    }
  }

  private var style: Colors { Colors(isEnabled: options.color) }
}

extension Value {
  /// An entity reduced to its kind's summary fields, for a table row; others as they are.
  var summary: Value {
    guard case .entity(let entity) = self else { return self }
    let fields = EntitySchema.of(entity.kind).summaryFields
    let extra = entity.fields.names.filter { !EntitySchema.of(entity.kind).names.contains($0) }
    let pairs = (fields + extra).compactMap { name in entity.fields[name].map { (name, $0) } }
    return .record(Record(pairs))
  }

  /// Whether the value renders as a table row: a record or an entity.
  var isRecordLike: Bool {
    switch self {
    case .record, .entity: true
    default: false
    }
  }

  /// The fields of a record or an entity.
  var recordFields: Record? {
    switch self {
    case .record(let record): record
    case .entity(let entity): entity.fields
    default: nil
    }
  }
}

extension Record {
  /// The record without its null fields, for showing one entity.
  var withoutNulls: Record {
    Record(pairs.filter { $0.1 != .null })
  }
}
