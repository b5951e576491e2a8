import CSQLite

extension Database {
  /// The names of the user tables.
  func tableNames() throws -> [String] {
    try query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        + "ORDER BY name"
    ) { $0.text(0) }
  }

  /// Every row of `table` as one line of `|`-separated text, in rowid order when the table
  /// has rowids.
  func dump(_ table: String) throws -> [String] {
    let sql = "SELECT * FROM \"\(table.replacingOccurrences(of: "\"", with: "\"\""))\""
    var lines: [String] = []
    try each(sql, []) { row in
      let count = row.columnCount
      lines.append((0..<count).map { row.optionalText($0) ?? "NULL" }.joined(separator: "|"))
    }
    return lines.sorted()
  }
}

extension Row {
  /// The number of columns in the row.
  var columnCount: Int32 { sqlite3_column_count(handle) }
}
