import ImpCentral

/// Builds resource objects the way impCentral writes them.
enum Render {
  /// A resource with `links.self`, its attributes and its non-empty flat relationships.
  static func resource(
    type: String, id: String, path: String, base: String,
    attributes: [String: JSONValue], relationships: [String: ResourceRef?] = [:]
  ) -> JSONValue {
    var links: [String: JSONValue] = [:]
    links["self"] = .string(base + path + "/" + CollectionReply.encode(id))
    var related: [String: JSONValue] = [:]
    for (name, ref) in relationships {
      if let ref { related[name] = ref.json }
    }
    var object: [String: JSONValue] = [
      "type": .string(type), "id": .string(id), "links": .object(links),
      "attributes": .object(attributes),
    ]
    if !related.isEmpty { object["relationships"] = .object(related) }
    return .object(object)
  }

  /// A reference to an account, or nil for none.
  static func account(_ id: String?) -> ResourceRef? {
    id.map { ResourceRef(type: "account", id: $0) }
  }

  /// A reference to a product, or nil for none.
  static func product(_ id: String?) -> ResourceRef? {
    id.map { ResourceRef(type: "product", id: $0) }
  }

  /// A reference to a deployment, or nil for none.
  static func deployment(_ id: String?) -> ResourceRef? {
    id.map { ResourceRef(type: "deployment", id: $0) }
  }

  /// A reference to a device group with its concrete type, or nil for none.
  static func group(_ id: String?, type: String?) -> ResourceRef? {
    guard let id, let type else { return nil }
    return ResourceRef(type: type, id: id)
  }

  /// Text or null.
  static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

  /// A whole number or null.
  static func int(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
}
