import ImpCentral

/// One field of an entity as the language shows it.
public struct EntityField: Sendable, Hashable {
  /// Where a field's value comes from in the resource.
  public enum Source: Sendable, Hashable {
    /// The resource id.
    case id
    /// The resource type; device groups show their command-line type name.
    case type
    /// An API attribute, by its API name.
    case attribute(String)
    /// A to-one relationship, shown as the related entity's id.
    case relationship(String)
  }

  /// The field name: the API name (`mac_address`), `id`, `type`, or a relationship name.
  public var name: String
  /// The type of the field's value; a missing value is null.
  public var type: ValueType
  public var source: Source

  /// Creates a field.
  public init(_ name: String, _ type: ValueType, from source: Source? = nil) {
    self.name = name
    self.type = type
    self.source = source ?? .attribute(name)
  }
}

/// The fields the language exposes for each kind of entity, projected from a resource.
///
/// A device's fields are `id`, `type`, its API attributes by their API names
/// (`mac_address`, `device_online`, …) and its relationships as ids (`devicegroup`,
/// `product`, `owner`). Friendly aliases name the same fields: `online` is
/// `device_online`, `mac` is `mac_address`.
///
/// A class, because each schema is one shared, immutable table.
public final class EntitySchema: Sendable {
  public let kind: ResourceKind
  /// The fields in display order.
  public let fields: [EntityField]
  /// Alias to field name: `online` → `device_online`.
  public let aliases: [String: String]
  /// The field names, shared by every record this schema projects.
  public let names: [String]
  private let indexByName: [String: Int]

  /// Creates a schema.
  public init(kind: ResourceKind, fields: [EntityField], aliases: [String: String] = [:]) {
    self.kind = kind
    self.fields = fields
    self.aliases = aliases
    names = fields.map(\.name)
    var index: [String: Int] = [:]
    for (position, name) in names.enumerated() { index[name] = position }
    for (alias, name) in aliases { index[alias] = index[name] }
    indexByName = index
  }

  /// The schema for a kind of entity.
  public static func of(_ kind: ResourceKind) -> EntitySchema {
    switch kind {
    case .account: account
    case .product: product
    case .deviceGroup: deviceGroup
    case .deployment: deployment
    case .device: device
    case .webhook: webhook
    case .loginKey: loginKey
    case .logEntry: logEntry
    case .logStream: logStream
    case .refreshToken: refreshToken
    }
  }

  /// The field called `name`, or the field `name` is an alias of.
  public func field(named name: String) -> EntityField? {
    indexByName[name].map { fields[$0] }
  }

  /// The position of the field called `name` (or aliased by it) in projected records.
  public func position(of name: String) -> Int? { indexByName[name] }

  /// Every name a field answers to, aliases included, for suggestions.
  public var allNames: [String] { names + aliases.keys.sorted() }

  /// The resource's fields as a record in schema order; attributes the schema does not
  /// know follow, sorted by name, so nothing the API sent is lost.
  public func project(_ resource: ResourceObject) -> Record {
    let values = fields.map { value(of: $0, in: resource) }
    let extra = resource.attributes.keys.filter { indexByName[$0] == nil }.sorted()
    guard !extra.isEmpty else { return Record(names: names, values: values) }
    let extraValues = extra.map { Value(json: resource.attributes[$0] ?? .null) }
    return Record(names: names + extra, values: values + extraValues)
  }

  /// The entity for a resource, with its fields projected; nil for an unknown type.
  public static func entity(from resource: ResourceObject) -> Entity? {
    guard let kind = resource.kind else { return nil }
    let fields = of(kind).project(resource)
    return Entity(kind: kind, id: resource.id, fields: fields, resource: resource)
  }

  private func value(of field: EntityField, in resource: ResourceObject) -> Value {
    switch field.source {
    case .id:
      return .string(resource.id)
    case .type:
      return .string(Self.typeName(of: resource, kind: kind))
    case .attribute(let name):
      return resource.attributes[name].map(Value.init(json:)) ?? .null
    case .relationship(let name):
      return resource.relationships[name].map { .string($0.id) } ?? .null
    }
  }

  private static func typeName(of resource: ResourceObject, kind: ResourceKind) -> String {
    guard kind == .deviceGroup else { return resource.type }
    return DeviceGroupType(apiType: resource.type)?.name ?? "unknown"
  }
}

extension Entity {
  /// The entity for a resource, projected through `EntitySchema`; nil for an unknown type.
  public init?(resource: ResourceObject) {
    guard let entity = EntitySchema.entity(from: resource) else { return nil }
    self = entity
  }

  /// The value of the field `name` (or the field it is an alias of); nil when the entity's
  /// kind has no such field.
  public func field(_ name: String) -> Value? {
    let schema = EntitySchema.of(kind)
    if let position = schema.position(of: name), position < fields.values.count,
      fields.names[position] == schema.fields[position].name
    {
      return fields.values[position]
    }
    if let canonical = schema.field(named: name)?.name { return fields[canonical] ?? .null }
    return fields[name]
  }
}
