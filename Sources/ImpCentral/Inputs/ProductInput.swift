/// What a new product is made of.
public struct ProductDraft: Sendable, Hashable {
  /// The name, unique among the owner's products.
  public var name: String
  /// The free-text description.
  public var description: String?
  /// The account to own the product; nil for the caller.
  public var ownerID: String?

  /// Creates a draft.
  public init(name: String, description: String? = nil, ownerID: String? = nil) {
    self.name = name
    self.description = description
    self.ownerID = ownerID
  }

  var attributes: [String: JSONValue] {
    AttributeMap().set("name", name).set("description", description).members
  }

  var relationships: [String: ResourceRef] {
    ownerID.map { ["owner": ResourceRef(type: "account", id: $0)] } ?? [:]
  }
}

/// Changes to a product; nil leaves an attribute as it is.
public struct ProductChanges: Sendable, Hashable {
  /// The name.
  public var name: String?
  /// The free-text description.
  public var description: String?

  /// Creates changes.
  public init(name: String? = nil, description: String? = nil) {
    self.name = name
    self.description = description
  }

  var attributes: [String: JSONValue] {
    AttributeMap().set("name", name).set("description", description).members
  }
}

/// Builds an attribute map, leaving out the values that are nil.
struct AttributeMap {
  private(set) var members: [String: JSONValue] = [:]

  func set(_ name: String, _ value: String?) -> AttributeMap {
    set(name, value.map(JSONValue.string))
  }

  func set(_ name: String, _ value: Bool?) -> AttributeMap {
    set(name, value.map(JSONValue.bool))
  }

  func set(_ name: String, _ value: [String]?) -> AttributeMap {
    set(name, value.map { JSONValue.array($0.map(JSONValue.string)) })
  }

  func set(_ name: String, _ value: [String: JSONValue]?) -> AttributeMap {
    set(name, value.map(JSONValue.object))
  }

  func set(_ name: String, _ value: JSONValue?) -> AttributeMap {
    var copy = self
    if let value { copy.members[name] = value }
    return copy
  }
}
