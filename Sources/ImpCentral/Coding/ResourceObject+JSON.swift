extension ResourceRef {
  /// Reads a to-one relationship: the flat `{type, id}` impCentral writes, or the
  /// standard JSON:API `{data: {type, id}}`; nil for `null`, `{data: null}` and to-many
  /// arrays, which the client does not model.
  public init?(relationship json: JSONValue) throws(ImpCentralError) {
    var linkage = json
    if let data = json["data"] { linkage = data }
    guard case .object = linkage else { return nil }
    guard let type = linkage["type"]?.stringValue, let id = linkage["id"]?.stringValue else {
      throw .unexpected("impCentral sent a relationship without a string 'type' and 'id'")
    }
    self.init(type: type, id: id)
  }
}

extension ResourceObject {
  /// Reads a resource object from a document's `data`.
  ///
  /// `{"type":"product","id":"4e26…","attributes":{…},"relationships":{"owner":{…}}}`
  /// becomes a product whose relationship `owner` is a flat reference.
  public init(json: JSONValue) throws(ImpCentralError) {
    guard case .object = json else {
      throw .unexpected("impCentral sent a resource that is not a JSON object")
    }
    guard let type = json["type"]?.stringValue, let id = json["id"]?.stringValue else {
      throw .unexpected("impCentral sent a resource without a string 'type' and 'id'")
    }
    self.init(
      type: type, id: id,
      attributes: try Self.members(json["attributes"], "attributes"),
      relationships: try Self.relationships(json["relationships"]),
      links: try Self.members(json["links"], "links").compactMapValues(\.stringValue))
  }

  /// The resource as a response document writes it: relationships flat, absent ones
  /// left out, and `relationships` and `attributes` present even when empty.
  public var json: JSONValue {
    var members: [String: JSONValue] = [
      "type": .string(type), "id": .string(id),
      "attributes": .object(attributes),
      "relationships": .object(relationships.mapValues(\.json)),
    ]
    if !links.isEmpty { members["links"] = .object(links.mapValues(JSONValue.string)) }
    return .object(members)
  }

  private static func members(
    _ value: JSONValue?, _ name: String
  ) throws(ImpCentralError) -> [String: JSONValue] {
    guard let value, !value.isNull else { return [:] }
    guard let members = value.objectValue else {
      throw .unexpected("impCentral sent a resource whose '\(name)' is not an object")
    }
    return members
  }

  private static func relationships(
    _ value: JSONValue?
  ) throws(ImpCentralError) -> [String: ResourceRef] {
    var result: [String: ResourceRef] = [:]
    for (name, linkage) in try members(value, "relationships") {
      do {
        if let ref = try ResourceRef(relationship: linkage) { result[name] = ref }
      } catch {
        throw .unexpected("impCentral sent a relationship '\(name)' without a 'type' and 'id'")
      }
    }
    return result
  }
}
