import ImpCentral

/// What the checker knows about a value before the script runs.
///
/// `any` means nothing is known, and every use of such a value is allowed; the other cases
/// let the checker reject a field the value cannot have.
public indirect enum ValueType: Sendable, Hashable {
  case any
  case null
  case bool
  case number
  case string
  case list(ValueType)
  /// A record; `nil` fields means the field names are not known.
  case record([String: ValueType]?)
  case entity(ResourceKind)

  /// The type of one item when the value flows through a pipe: a list's element type,
  /// otherwise the type itself.
  public var itemType: ValueType {
    if case .list(let element) = self { return element }
    return self
  }

  /// The type as a phrase for messages: `a number`, `a list of devices`.
  public var phrase: String {
    switch self {
    case .any: "a value"
    case .null: "null"
    case .bool: "true or false"
    case .number: "a number"
    case .string: "text"
    case .list(let element): element == .any ? "a list" : "a list of \(element.plural)"
    case .record: "a record"
    case .entity(let kind): "a \(kind.displayName.lowercased())"
    }
  }

  /// The type in the plural for messages: `devices`, `numbers`.
  public var plural: String {
    switch self {
    case .any: "values"
    case .null: "nulls"
    case .bool: "booleans"
    case .number: "numbers"
    case .string: "texts"
    case .list: "lists"
    case .record: "records"
    case .entity(let kind): Self.plural(of: kind)
    }
  }

  /// The common type of two values that may stand in the same place.
  public func joined(with other: ValueType) -> ValueType {
    if self == other { return self }
    if self == .null { return other }
    if other == .null { return self }
    return .any
  }

  /// The type of a value the script already holds.
  public init(of value: Value) {
    switch value {
    case .null: self = .null
    case .bool: self = .bool
    case .number: self = .number
    case .string: self = .string
    case .entity(let entity): self = .entity(entity.kind)
    case .record(let record):
      var fields: [String: ValueType] = [:]
      for (name, field) in record.pairs { fields[name] = ValueType(of: field) }
      self = .record(fields)
    case .list(let items):
      self = .list(Self.elementType(of: items))
    }
  }

  /// The type every item shares, judged by the first item and the shape of the rest.
  private static func elementType(of items: [Value]) -> ValueType {
    guard let first = items.first else { return .any }
    let shape = ShallowShape(first)
    guard items.allSatisfy({ ShallowShape($0) == shape }) else { return .any }
    // Records in one list may differ in their fields, so none is promised.
    if shape == .record { return .record(nil) }
    return ValueType(of: first)
  }

  private static func plural(of kind: ResourceKind) -> String {
    switch kind {
    case .logEntry: "log entries"
    default: kind.displayName.lowercased() + "s"
    }
  }
}

/// The outer shape of a value, cheap to compare across a long list.
private enum ShallowShape: Equatable {
  case null, bool, number, string, list, record
  case entity(ResourceKind)

  init(_ value: Value) {
    switch value {
    case .null: self = .null
    case .bool: self = .bool
    case .number: self = .number
    case .string: self = .string
    case .list: self = .list
    case .record: self = .record
    case .entity(let entity): self = .entity(entity.kind)
    }
  }
}
