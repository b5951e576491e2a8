import ImpCentral

/// Writes resource objects the way impCentral shapes them, straight to JSON text.
enum Render {
  /// A resource with `links.self`, its attributes and its non-empty flat relationships.
  ///
  /// Members come out sorted by key, as `JSONValue.encoded()` sorts them; listing the
  /// attributes in key order saves a sort per row.
  static func resource(
    type: String, id: String, path: String, base: String,
    attributes: KeyValuePairs<String, JSONValue>, more: [(String, JSONValue)] = [],
    relationships: KeyValuePairs<String, ResourceRef?> = [:]
  ) -> JSONFragment {
    var writer = JSONWriter()
    writer.append("{")
    writer.key("attributes", first: true)
    var members = more
    members.reserveCapacity(attributes.count + more.count)
    for (key, value) in attributes { members.append((key, value)) }
    writer.writeMembers(members)
    writer.key("id")
    writer.write(.string(id))
    writer.key("links")
    writer.append("{")
    writer.key("self", first: true)
    writer.write(.string(base + path + "/" + CollectionReply.encode(id)))
    writer.append("}")
    let related = relationships.compactMap { pair in pair.value.map { (pair.key, $0.json) } }
    if !related.isEmpty {
      writer.key("relationships")
      writer.writeMembers(related)
    }
    writer.key("type")
    writer.write(.string(type))
    writer.append("}")
    return JSONFragment(bytes: writer.bytes)
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
