import ImpCentral

/// A value of the imptsh language.
///
/// Commands return entities or lists of them; pipes pass values from stage to stage.
public enum Value: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case list([Value])
  case record(Record)
  /// Boxed, so a `Value` stays three words wide however large an entity is.
  indirect case entity(Entity)
}

/// A record: named fields in a fixed order.
public struct Record: Sendable, Hashable {
  /// The field names, in display order.
  public private(set) var names: [String]
  /// The field values, parallel to `names`.
  public private(set) var values: [Value]

  /// Creates a record from ordered pairs; a repeated name keeps its last value.
  public init(_ pairs: [(String, Value)] = []) {
    names = []
    values = []
    for (name, value) in pairs { self[name] = value }
  }

  /// The value of the field `name`; setting a new name appends it.
  public subscript(name: String) -> Value? {
    get { names.firstIndex(of: name).map { values[$0] } }
    set {
      if let index = names.firstIndex(of: name) {
        if let newValue {
          values[index] = newValue
        } else {
          names.remove(at: index)
          values.remove(at: index)
        }
      } else if let newValue {
        names.append(name)
        values.append(newValue)
      }
    }
  }

  /// Creates a record from parallel arrays of names and values.
  ///
  /// Records projected from one schema share one `names` array, which saves memory in
  /// long lists. Extra values (or names) beyond the shorter array are dropped.
  public init(names: [String], values: [Value]) {
    if names.count == values.count {
      self.names = names
      self.values = values
    } else {
      let count = min(names.count, values.count)
      self.names = Array(names.prefix(count))
      self.values = Array(values.prefix(count))
    }
  }

  /// Whether the record has no fields.
  public var isEmpty: Bool { names.isEmpty }

  /// The fields as ordered pairs.
  public var pairs: [(String, Value)] { Array(zip(names, values)) }
}

/// An impCentral entity: a record that knows its kind and the resource it came from.
public struct Entity: Sendable, Hashable {
  public var kind: ResourceKind
  public var id: String
  /// The fields the language sees, projected from the resource by `EntitySchema`.
  public var fields: Record
  /// The resource as the API returned it.
  public var resource: ResourceObject

  /// Creates an entity.
  public init(kind: ResourceKind, id: String, fields: Record, resource: ResourceObject) {
    self.kind = kind
    self.id = id
    self.fields = fields
    self.resource = resource
  }
}
