import CSQLite

/// A failure reported by SQLite, with its result code and message.
struct DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The SQLite result code (extended when SQLite gave one).
  var code: Int32
  /// SQLite's explanation.
  var message: String
  /// The statement that failed, when there was one; never holds bound values.
  var statement: String?

  /// Whether the failure is a constraint violation (UNIQUE, FOREIGN KEY, CHECK).
  var isConstraint: Bool { code & 0xff == SQLITE_CONSTRAINT }

  var description: String {
    let place = statement.map { " in '\($0)'" } ?? ""
    return "sqlite error \(code): \(message)\(place)"
  }
}
