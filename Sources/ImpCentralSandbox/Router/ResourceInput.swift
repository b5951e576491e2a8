import ImpCentral

/// The `data` member of a create or update request, checked for shape and allowed names.
struct ResourceInput {
  /// What a request may carry.
  struct Rules {
    /// Accepted `data.type` values.
    var types: [String]
    /// Attributes that may appear.
    var attributes: [String]
    /// Attributes that must appear.
    var required: [String] = []
    /// Relationships that may appear.
    var relationships: [String] = []
    /// Whether `data.id` may appear (updates) or must not (creates).
    var allowsID = false
  }

  var type: String
  var id: String?
  var attributes: [String: JSONValue]
  var relationships: [String: ResourceRef]

  /// Reads the body of `request` under `rules`.
  init(_ request: APIRequest, _ rules: Rules) throws {
    let body = try request.json()
    guard case .object(let data)? = body["data"] else {
      throw APIError.invalidDocument("The request body must be an object with a 'data' object.")
    }
    guard let type = data["type"]?.stringValue else {
      throw APIError.invalidDocument("The member 'data.type' must be a string.")
    }
    guard rules.types.contains(type) else {
      throw APIError.invalidType(type, expected: rules.types)
    }
    self.type = type
    id = try Self.readID(data["id"], allowed: rules.allowsID)
    attributes = try Self.readAttributes(data["attributes"], rules)
    relationships = try Self.readRelationships(data["relationships"], rules)
  }

  private static func readID(_ value: JSONValue?, allowed: Bool) throws -> String? {
    guard let value, !value.isNull else { return nil }
    guard allowed else { throw APIError.clientGeneratedID() }
    guard let id = value.stringValue else {
      throw APIError.invalidDocument("The member 'data.id' must be a string.")
    }
    return id
  }

  private static func readAttributes(
    _ value: JSONValue?, _ rules: Rules
  ) throws -> [String: JSONValue] {
    guard let value, !value.isNull else {
      if let name = rules.required.first { throw APIError.missingAttribute(name) }
      return [:]
    }
    guard let members = value.objectValue else {
      throw APIError.invalidDocument("The member 'data.attributes' must be an object.")
    }
    let unknown = members.keys.filter { !rules.attributes.contains($0) }.sorted()
    guard unknown.isEmpty else {
      throw APIError.unknownAttributes(unknown, accepted: rules.attributes)
    }
    if let missing = rules.required.first(where: { members[$0] == nil }) {
      throw APIError.missingAttribute(missing)
    }
    return members
  }

  private static func readRelationships(
    _ value: JSONValue?, _ rules: Rules
  ) throws -> [String: ResourceRef] {
    guard let value, !value.isNull else { return [:] }
    guard let members = value.objectValue else {
      throw APIError.invalidDocument("The member 'data.relationships' must be an object.")
    }
    let unknown = members.keys.filter { !rules.relationships.contains($0) }.sorted()
    guard unknown.isEmpty else {
      throw APIError.unknownRelationships(unknown, accepted: rules.relationships)
    }
    var refs: [String: ResourceRef] = [:]
    for (name, member) in members {
      refs[name] = try linkage(member, name: name)
    }
    return refs
  }

  /// A flat `{type, id}` object, or the standard `{data: {type, id}}` form.
  static func linkage(_ member: JSONValue, name: String) throws -> ResourceRef {
    let object = member["data"].flatMap { $0.objectValue == nil ? nil : $0 } ?? member
    guard let type = object["type"]?.stringValue, let id = object["id"]?.stringValue,
      !id.isEmpty
    else {
      throw APIError.invalidRelationship(name, "must be an object with a string 'type' and 'id'")
    }
    return ResourceRef(type: type, id: id)
  }
}
