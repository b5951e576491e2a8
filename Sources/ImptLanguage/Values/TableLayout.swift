/// Rows of records as a table with one column per field, fitted to a width.
///
/// Columns are the fields in order of first appearance, leaving out those empty in every
/// row; when the table is wider than the terminal, the widest columns are cut with `…`
/// until it fits. The `id` column is cut last, only when nothing else can give way, so
/// ids stay whole to copy.
struct TableLayout {
  let rows: [Value]
  /// The width to fit into; nil for no limit.
  let width: Int?
  let colors: Colors

  /// The laid-out table, without a final newline.
  var text: String {
    var columns = Self.columns(of: rows)
    var cells = rows.map { row in columns.map { (row.recordFields?[$0] ?? .null).cellText } }
    let kept = columns.indices.filter { column in cells.contains { !$0[column].isEmpty } }
    if !kept.isEmpty, kept.count < columns.count {
      columns = kept.map { columns[$0] }
      cells = cells.map { row in kept.map { row[$0] } }
    }
    let titles = columns.map(\.escapingControlCharacters)
    let widths = fitted(columns: titles, cells: cells)
    let header = colors.bold(line(titles, widths))
    return ([header] + cells.map { line($0, widths) }).joined(separator: "\n")
  }

  /// The column names: every field name, in order of first appearance.
  static func columns(of rows: [Value]) -> [String] {
    var seen = Set<String>()
    var names: [String] = []
    for row in rows {
      for name in row.recordFields?.names ?? [] where seen.insert(name).inserted {
        names.append(name)
      }
    }
    return names
  }

  private func fitted(columns: [String], cells: [[String]]) -> [Int] {
    var widths = columns.indices.map { index in
      cells.reduce(columns[index].count) { max($0, $1[index].count) }
    }
    guard let limit = width else { return widths }
    let gaps = 2 * max(columns.count - 1, 0)
    let ids = Set(columns.indices.filter { columns[$0] == "id" })
    while widths.reduce(gaps, +) > limit {
      let cuttable = widths.indices.filter { widths[$0] > Self.narrowest }
      let others = cuttable.filter { !ids.contains($0) }
      guard let widest = (others.isEmpty ? cuttable : others).max(by: { widths[$0] < widths[$1] })
      else { break }
      widths[widest] -= 1
    }
    return widths
  }

  /// No column is cut narrower than this.
  private static let narrowest = 8

  private func line(_ texts: [String], _ widths: [Int]) -> String {
    let padded = zip(texts, widths).enumerated().map { index, pair in
      let (text, width) = pair
      let cut = Self.cut(text, to: width)
      let isLast = index == widths.count - 1
      return isLast ? cut : cut + String(repeating: " ", count: width - cut.count)
    }
    let text = padded.joined(separator: "  ")
    guard text.last == " " else { return text }
    return String(text.reversed().drop { $0 == " " }.reversed())
  }

  private static func cut(_ text: String, to width: Int) -> String {
    guard text.count > width else { return text }
    return String(text.prefix(max(width - 1, 0))) + "…"
  }
}
