import CSQLite

/// One SQLite connection with a cache of prepared statements.
///
/// Not thread-safe by itself: the sandbox keeps it behind a mutex, so one thread at a time
/// runs statements and transactions on it.
final class Database {
  private let handle: OpaquePointer
  private var statements: [String: Statement] = [:]
  private var inTransaction = false

  /// The path the database was opened with (`:memory:` for a throwaway one).
  let path: String

  /// Opens (creating if needed) the database at `path`; files use write-ahead logging.
  init(path: String, busyTimeout: Int32 = 5000) throws(DatabaseError) {
    var connection: OpaquePointer?
    let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
    let status = sqlite3_open_v2(path, &connection, flags, nil)
    guard status == SQLITE_OK, let connection else {
      let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close(connection)
      throw DatabaseError(code: status, message: message, statement: nil)
    }
    handle = connection
    self.path = path
    sqlite3_extended_result_codes(handle, 1)
    sqlite3_busy_timeout(handle, busyTimeout)
    try configure()
  }

  deinit {
    statements.removeAll()
    sqlite3_close_v2(handle)
  }

  private func configure() throws(DatabaseError) {
    if path != ":memory:" {
      try script("PRAGMA journal_mode=WAL")
      // In WAL mode NORMAL syncs at checkpoints: a killed process loses no commit.
      try script("PRAGMA synchronous=NORMAL")
    }
    try script("PRAGMA foreign_keys=ON")
  }

  /// Runs one or more statements that take no parameters (schema, pragmas).
  func script(_ sql: String) throws(DatabaseError) {
    var message: UnsafeMutablePointer<CChar>?
    let status = sqlite3_exec(handle, sql, nil, nil, &message)
    guard status == SQLITE_OK else {
      let text = message.map { String(cString: $0) } ?? errorMessage
      sqlite3_free(message)
      throw DatabaseError(code: status, message: text, statement: sql)
    }
  }

  /// Runs a statement that returns no rows.
  func execute(_ sql: String, _ values: [SQLValue] = []) throws(DatabaseError) {
    let statement = try prepared(sql)
    statement.bind(values)
    defer { sqlite3_reset(statement.handle) }
    var status = sqlite3_step(statement.handle)
    while status == SQLITE_ROW { status = sqlite3_step(statement.handle) }
    guard status == SQLITE_DONE else { throw failure(status, sql) }
  }

  /// Runs a query and maps every row.
  func query<T>(
    _ sql: String, _ values: [SQLValue] = [], _ map: (Row) throws -> T
  ) throws -> [T] {
    var results: [T] = []
    try each(sql, values) { row in results.append(try map(row)) }
    return results
  }

  /// Runs a query and maps its first row, if any.
  func first<T>(
    _ sql: String, _ values: [SQLValue] = [], _ map: (Row) throws -> T
  ) throws -> T? {
    var result: T?
    try each(sql, values) { row in
      if result == nil { result = try map(row) }
    }
    return result
  }

  /// Whether a query returns at least one row.
  func exists(_ sql: String, _ values: [SQLValue] = []) throws -> Bool {
    try first(sql, values) { _ in true } ?? false
  }

  /// The number of rows the last INSERT, UPDATE or DELETE changed.
  var changes: Int { Int(sqlite3_changes(handle)) }

  /// The rowid of the last row inserted.
  var lastInsertRowID: Int { Int(sqlite3_last_insert_rowid(handle)) }

  /// Steps a cached statement to the end, calling `body` for every row.
  func each(
    _ sql: String, _ values: [SQLValue], _ body: (Row) throws -> Void
  ) throws {
    let statement = try prepared(sql)
    statement.bind(values)
    defer { sqlite3_reset(statement.handle) }
    while true {
      let status = sqlite3_step(statement.handle)
      if status == SQLITE_DONE { return }
      guard status == SQLITE_ROW else { throw failure(status, sql) }
      try body(Row(statement))
    }
  }

  private func prepared(_ sql: String) throws(DatabaseError) -> Statement {
    if let statement = statements[sql] { return statement }
    var pointer: OpaquePointer?
    let status = sqlite3_prepare_v3(
      handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
    guard status == SQLITE_OK, let pointer else { throw failure(status, sql) }
    let statement = Statement(handle: pointer, sql: sql)
    statements[sql] = statement
    return statement
  }

  private var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }

  private func failure(_ status: Int32, _ sql: String) -> DatabaseError {
    DatabaseError(code: sqlite3_extended_errcode(handle), message: errorMessage, statement: sql)
  }
}

extension Database {
  /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
  ///
  /// `immediate` takes the write lock at the start (`BEGIN IMMEDIATE`), so a writer never
  /// fails half-way for want of it.
  func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
    guard !inTransaction else {
      throw DatabaseError(
        code: SQLITE_MISUSE, message: "transactions do not nest", statement: nil)
    }
    try script(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
    inTransaction = true
    defer { inTransaction = false }
    do {
      let result = try body()
      try script("COMMIT")
      return result
    } catch {
      try? script("ROLLBACK")
      throw error
    }
  }

  /// The schema version stored in the file header (`PRAGMA user_version`).
  var userVersion: Int {
    get throws { try first("PRAGMA user_version") { $0.int(0) } ?? 0 }
  }

  /// Stores the schema version.
  func setUserVersion(_ version: Int) throws(DatabaseError) {
    try script("PRAGMA user_version=\(version)")
  }
}
