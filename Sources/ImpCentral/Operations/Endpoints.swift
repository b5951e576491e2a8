import Foundation

/// Builds the operation for each impCentral endpoint, checking arguments first.
///
/// Every builder throws `client.invalidArgument` for input the official client would
/// refuse, so nothing invalid is ever sent.
enum Endpoints {
  /// The JSON:API content type every authenticated call carries, even without a body.
  static let jsonAPIType = "application/vnd.api+json"

  /// A request with the JSON:API content type and an optional JSON body.
  static func request(
    _ method: HTTPMethod, _ path: String, query: [URLQueryItem] = [], body: JSONValue? = nil,
    headers extra: [(String, String)] = []
  ) -> HTTPRequest {
    var headers = HTTPHeaders()
    headers["Content-Type"] = jsonAPIType
    for (name, value) in extra { headers[name] = value }
    return HTTPRequest(
      method: method, path: path, query: query, headers: headers, body: body?.encoded())
  }

  /// The path `collection/id`, with the id escaped as one path segment.
  static func path(_ collection: String, _ id: String, _ rest: String...) -> String {
    ([collection, segment(id)] + rest).joined(separator: "/")
  }

  /// An id escaped so that it stays one path segment.
  static func segment(_ id: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "/?#%")
    return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id
  }

  /// An id shortened for a summary: a UUID such as `4e264cef-3316-…` becomes `4e26…`;
  /// device ids, MAC addresses and agent ids are short enough to stay whole.
  static func short(_ id: String) -> String {
    id.count > 20 ? String(id.prefix(4)) + "…" : id
  }

  /// A secret id (a login key) shown only by its first characters.
  static func masked(_ id: String) -> String {
    String(id.prefix(min(4, id.count / 4))) + "…"
  }

  /// The collection path of `kind`.
  static func collection(_ kind: ResourceKind) -> String {
    kind.collectionPath ?? "/"
  }

  /// How a group of `type` is named in a summary: `production device group`.
  static func groupNoun(_ type: String) -> String {
    guard let group = DeviceGroupType(apiType: type) else { return "device group" }
    return "\(group.name) device group"
  }
}

extension Endpoints {
  /// `GET /collection?filter…&page…`: one page of a collection.
  static func list(
    _ kind: ResourceKind, filters: [URLQueryItem] = [], page: PageRequest
  ) throws(ImpCentralError) -> APIOperation {
    let query = filters + (try page.queryItems())
    let conditions = filters.map { item in
      let name = item.name.dropFirst("filter[".count).dropLast()
      let value = item.value ?? ""
      return "\(name)=\(name.hasSuffix(".id") ? short(value) : value)"
    }
    var summary = "list \(plural(kind))"
    if !conditions.isEmpty { summary += " where " + conditions.joined(separator: ", ") }
    summary += " (page \(page.number), size \(page.size))"
    return APIOperation(
      verb: .list, resource: kind, target: nil, access: .read, summary: summary,
      request: request(.get, collection(kind), query: query))
  }

  /// `GET /collection/id`.
  static func get(_ kind: ResourceKind, id: String) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.id(id, "\(kind.noun) id")
    return APIOperation(
      verb: .get, resource: kind, target: id, access: .read,
      summary: "get \(kind.noun) \(short(id))",
      request: request(.get, path(collection(kind), id)))
  }

  /// `POST /collection` with a create body, after the write rules.
  static func create(
    _ kind: ResourceKind, type: String, attributes: [String: JSONValue],
    relationships: [String: ResourceRef] = [:], target: String?, summary: String
  ) throws(ImpCentralError) -> APIOperation {
    try WriteRules.check(
      .create, kind, type: type, attributes: attributes, relationships: relationships)
    let body = JSONAPIBody.create(
      type: type, attributes: attributes, relationships: relationships)
    return APIOperation(
      verb: .create, resource: kind, target: target, access: .write, summary: summary,
      request: request(.post, collection(kind), body: body))
  }

  /// `PATCH /collection/id` with an update body, after the write rules.
  static func update(
    _ kind: ResourceKind, type: String, id: String, attributes: [String: JSONValue],
    relationships: [String: ResourceRef] = [:]
  ) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.id(id, "\(kind.noun) id")
    try WriteRules.check(
      .update, kind, type: type, attributes: attributes, relationships: relationships)
    let body = JSONAPIBody.update(
      type: type, id: id, attributes: attributes, relationships: relationships)
    let fields = (attributes.keys.sorted() + relationships.keys.sorted())
    let changed = fields.isEmpty ? "" : " (" + fields.joined(separator: ", ") + ")"
    return APIOperation(
      verb: .update, resource: kind, target: id, access: .write,
      summary: "update \(kind.noun) \(short(id))\(changed)",
      request: request(.patch, path(collection(kind), id), body: body))
  }

  /// `DELETE /collection/id`.
  static func delete(_ kind: ResourceKind, id: String) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.id(id, "\(kind.noun) id")
    return APIOperation(
      verb: .delete, resource: kind, target: id, access: .write,
      summary: "delete \(kind.noun) \(short(id))",
      request: request(.delete, path(collection(kind), id)))
  }

  /// `device groups`, `login keys`: the kind in the plural, for summaries.
  static func plural(_ kind: ResourceKind) -> String {
    kind == .logEntry ? "log entries" : kind.noun + "s"
  }
}
