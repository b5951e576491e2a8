/// A value bound to, or read from, an SQLite statement.
enum SQLValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByNilLiteral, ExpressibleByBooleanLiteral
{
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  init(stringLiteral value: String) { self = .text(value) }
  init(integerLiteral value: Int) { self = .integer(Int64(value)) }
  init(nilLiteral: ()) { self = .null }
  init(booleanLiteral value: Bool) { self = .integer(value ? 1 : 0) }

  /// Text, or NULL when absent.
  static func text(_ value: String?) -> SQLValue {
    value.map { SQLValue.text($0) } ?? .null
  }

  /// An integer, or NULL when absent.
  static func int(_ value: Int?) -> SQLValue {
    value.map { SQLValue.integer(Int64($0)) } ?? .null
  }

  /// A Boolean stored as 0 or 1, or NULL when absent.
  static func bool(_ value: Bool?) -> SQLValue {
    value.map { SQLValue.integer($0 ? 1 : 0) } ?? .null
  }
}
