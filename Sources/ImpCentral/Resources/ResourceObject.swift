/// A to-one relationship as impCentral writes it: a flat `{type, id}` object.
public struct ResourceRef: Sendable, Hashable, Codable {
  /// The concrete JSON:API type, such as `production_devicegroup`.
  public var type: String
  public var id: String

  /// Creates a reference.
  public init(type: String, id: String) {
    self.type = type
    self.id = id
  }

  /// The kind of entity the reference points at.
  public var kind: ResourceKind? { ResourceKind(apiType: type) }

  /// The reference as JSON.
  public var json: JSONValue { ["type": .string(type), "id": .string(id)] }
}

/// A JSON:API resource object as impCentral sends it.
///
/// Relationships are flat `{type, id}` objects; an empty relationship is absent.
public struct ResourceObject: Sendable, Hashable {
  public var type: String
  public var id: String
  public var attributes: [String: JSONValue]
  public var relationships: [String: ResourceRef]
  public var links: [String: String]

  /// Creates a resource object.
  public init(
    type: String,
    id: String,
    attributes: [String: JSONValue] = [:],
    relationships: [String: ResourceRef] = [:],
    links: [String: String] = [:]
  ) {
    self.type = type
    self.id = id
    self.attributes = attributes
    self.relationships = relationships
    self.links = links
  }

  /// The kind of entity this is.
  public var kind: ResourceKind? { ResourceKind(apiType: type) }

  /// The attribute `name` as a string, if it is one.
  public func string(_ name: String) -> String? { attributes[name]?.stringValue }

  /// The attribute `name` as a Boolean, if it is one.
  public func bool(_ name: String) -> Bool? { attributes[name]?.boolValue }
}
