/// A list query under construction: the caller's rows, filtered, in stable order, one page.
struct Select {
  private let columns: String
  private let from: String
  private let orderPrefix: String
  private var conditions: [String]
  private var values: [SQLValue]

  /// Selects `columns` from `from` (which may hold joins) where `owner_id` is the caller.
  ///
  /// `alias` is the table alias the owner and ordering columns belong to, if any.
  init(columns: String, from: String, owner: String, alias: String? = nil) {
    self.columns = columns
    self.from = from
    orderPrefix = alias.map { $0 + "." } ?? ""
    conditions = ["\(orderPrefix)owner_id = ?"]
    values = [.text(owner)]
  }

  /// Adds `condition` (with one `?`) when filter `name` is present.
  mutating func filter(_ query: ListQuery, _ name: String, _ condition: String) {
    guard let value = query.filters[name] else { return }
    add(condition, [.text(value)])
  }

  /// Adds a condition with its own values.
  mutating func add(_ condition: String, _ values: [SQLValue] = []) {
    conditions.append(condition)
    self.values += values
  }

  /// Runs the query for `query`'s page, ordered by creation time then id.
  ///
  /// The page's rows are picked by rowid in a subquery that the ordering index covers, so
  /// skipping to a late page walks index entries only and builds whole rows for the page
  /// alone.
  func run<T>(_ db: Database, _ query: ListQuery, _ map: (Row) throws -> T) throws -> [T] {
    let order = "ORDER BY \(orderPrefix)created_at, \(orderPrefix)id"
    let sql = """
      SELECT \(columns) FROM \(from) WHERE \(orderPrefix)rowid IN (
        SELECT \(orderPrefix)rowid FROM \(from)
        WHERE \(conditions.joined(separator: " AND ")) \(order) LIMIT ? OFFSET ?)
      \(order)
      """
    return try db.query(sql, values + [.int(query.fetchLimit), .int(query.offset)], map)
  }
}
