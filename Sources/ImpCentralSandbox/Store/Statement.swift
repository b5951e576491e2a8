import CSQLite

/// SQLite's "copy the bytes now" destructor, which the C macro hides from Swift.
private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement, kept by its database for reuse.
final class Statement {
  let handle: OpaquePointer
  let sql: String

  init(handle: OpaquePointer, sql: String) {
    self.handle = handle
    self.sql = sql
  }

  deinit { sqlite3_finalize(handle) }

  /// Binds `values` to the parameters in order, after clearing earlier bindings.
  func bind(_ values: [SQLValue]) {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    for (offset, value) in values.enumerated() {
      bind(value, at: Int32(offset + 1))
    }
  }

  private func bind(_ value: SQLValue, at index: Int32) {
    switch value {
    case .null: sqlite3_bind_null(handle, index)
    case .integer(let number): sqlite3_bind_int64(handle, index, number)
    case .real(let number): sqlite3_bind_double(handle, index, number)
    case .text(let text):
      var text = text
      _ = text.withUTF8 { bytes in
        bytes.withMemoryRebound(to: CChar.self) { chars in
          if let base = chars.baseAddress {
            sqlite3_bind_text(handle, index, base, Int32(chars.count), transientDestructor)
          } else {
            sqlite3_bind_text(handle, index, "", 0, transientDestructor)
          }
        }
      }
    }
  }
}

/// The current row of a statement being stepped; valid only inside the row callback.
struct Row {
  let handle: OpaquePointer

  init(_ statement: Statement) { handle = statement.handle }

  /// Whether column `index` is NULL.
  func isNull(_ index: Int32) -> Bool {
    sqlite3_column_type(handle, index) == SQLITE_NULL
  }

  /// Column `index` as text; NULL reads as "".
  func text(_ index: Int32) -> String {
    guard let bytes = sqlite3_column_text(handle, index) else { return "" }
    let count = Int(sqlite3_column_bytes(handle, index))
    return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
  }

  /// Column `index` as text, or nil when NULL.
  func optionalText(_ index: Int32) -> String? {
    isNull(index) ? nil : text(index)
  }

  /// Column `index` as an integer; NULL reads as 0.
  func int(_ index: Int32) -> Int {
    Int(sqlite3_column_int64(handle, index))
  }

  /// Column `index` as an integer, or nil when NULL.
  func optionalInt(_ index: Int32) -> Int? {
    isNull(index) ? nil : int(index)
  }

  /// Column `index` as a Boolean stored as 0 or 1.
  func bool(_ index: Int32) -> Bool { int(index) != 0 }

  /// Column `index` as a Boolean, or nil when NULL.
  func optionalBool(_ index: Int32) -> Bool? {
    isNull(index) ? nil : bool(index)
  }
}
