/// Lays values out as plain text: a table for a list of records or entities, aligned
/// `name: value` lines for one record, and the text of anything else. Columns empty in
/// every row are left out.
///
/// ```
/// id  name  online
/// --  ----  ------
/// d1  hall  true
/// ```
public struct TextTable: Sendable {
  public var value: Value

  /// Creates a layout of `value`.
  public init(_ value: Value) {
    self.value = value
  }

  /// The text, with no trailing newline.
  public func render() -> String {
    switch value {
    case .list(let items) where items.allSatisfy(\.hasFields) && !items.isEmpty:
      Self.table(items.compactMap(\.fieldRecord))
    case .list(let items):
      items.map(\.displayText).joined(separator: "\n")
    case .record(let record):
      Self.lines(record)
    case .entity(let entity):
      Self.lines(entity.fields)
    default:
      value.displayText
    }
  }

  private static func lines(_ record: Record) -> String {
    let width = record.names.map(\.count).max() ?? 0
    return record.pairs.map { name, value in
      name + ":" + String(repeating: " ", count: width - name.count + 1) + value.cellText
    }.joined(separator: "\n")
  }

  private static func table(_ records: [Record]) -> String {
    var columns: [String] = []
    var seen: Set<String> = []
    for record in records {
      for name in record.names where seen.insert(name).inserted { columns.append(name) }
    }
    var rows = records.map { record in columns.map { record[$0]?.cellText ?? "" } }
    let kept = columns.indices.filter { column in rows.contains { !$0[column].isEmpty } }
    if !kept.isEmpty, kept.count < columns.count {
      columns = kept.map { columns[$0] }
      rows = rows.map { row in kept.map { row[$0] } }
    }
    let widths = columns.indices.map { column in
      rows.reduce(columns[column].count) { max($0, $1[column].count) }
    }
    let rule = widths.map { String(repeating: "-", count: $0) }
    return ([columns, rule] + rows).map { row(of: $0, widths: widths) }.joined(separator: "\n")
  }

  private static func row(of cells: [String], widths: [Int]) -> String {
    let padded = zip(cells, widths).map { cell, width in
      cell + String(repeating: " ", count: width - cell.count)
    }
    return String(padded.joined(separator: "  ").reversed().drop(while: { $0 == " " }).reversed())
  }
}

extension Value {
  fileprivate var hasFields: Bool { fieldRecord != nil }

  fileprivate var fieldRecord: Record? {
    switch self {
    case .record(let record): record
    case .entity(let entity): entity.fields
    default: nil
    }
  }

  /// The text of a table cell: null is empty, lists join with commas.
  fileprivate var cellText: String {
    switch self {
    case .null: ""
    case .list(let items): items.map(\.displayText).joined(separator: ", ")
    default: displayText.replacingNewlines
    }
  }
}

extension String {
  fileprivate var replacingNewlines: String {
    String(map { $0 == "\n" ? " " : $0 })
  }
}
