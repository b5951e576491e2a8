extension Value {
  /// Whether two values are equal as the language compares them.
  ///
  /// Numbers compare by value, an entity equals another with the same kind and id, and an
  /// entity equals text that is its id, so `where devicegroup == $dg` works.
  public func matches(_ other: Value) -> Bool {
    switch (self, other) {
    case (.entity(let left), .entity(let right)):
      return left.kind == right.kind && left.id == right.id
    case (.entity(let entity), .string(let text)), (.string(let text), .entity(let entity)):
      return entity.id == text
    case (.list(let left), .list(let right)):
      return left.count == right.count && zip(left, right).allSatisfy { $0.matches($1) }
    case (.record(let left), .record(let right)):
      return left.names == right.names
        && zip(left.values, right.values).allSatisfy { $0.matches($1) }
    default:
      return self == other
    }
  }

  /// How two values order, or nil when they cannot be ordered: numbers by value, text by
  /// Unicode order, false before true; anything beside null is unordered.
  public func order(against other: Value) -> ValueOrdering? {
    switch (self, other) {
    case (.number(let left), .number(let right)): Self.result(left, right)
    case (.string(let left), .string(let right)): Self.result(left, right)
    case (.bool(let left), .bool(let right)): Self.result(left ? 1 : 0, right ? 1 : 0)
    case (.entity(let left), .entity(let right)): Self.result(left.id, right.id)
    default: nil
    }
  }

  /// A total order for `sort`: null last, then by kind of value, then by `order`.
  public func sortsBefore(_ other: Value) -> Bool {
    let (left, right) = (sortRank, other.sortRank)
    if left != right { return left < right }
    return order(against: other) == .ascending
  }

  private var sortRank: Int {
    switch self {
    case .bool: 0
    case .number: 1
    case .string: 2
    case .entity: 3
    case .record: 4
    case .list: 5
    case .null: 6
    }
  }

  private static func result<T: Comparable>(_ left: T, _ right: T) -> ValueOrdering {
    left < right ? .ascending : (left > right ? .descending : .same)
  }
}

/// How one value orders against another.
public enum ValueOrdering: Sendable, Hashable {
  case ascending
  case same
  case descending
}
