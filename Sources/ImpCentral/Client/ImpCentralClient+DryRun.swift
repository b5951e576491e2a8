import Foundation

extension ImpCentralClient {
  /// Answers a write a dry run does not send, with what the service would plausibly say.
  ///
  /// Creates echo the request with a made-up id; updates merge the request into the
  /// current resource (read from the service, or from the ledger); both are remembered
  /// so later reads see them. Deletes make later reads miss the resource. Everything else
  /// answers 204.
  func plannedAnswer(to operation: APIOperation) async throws(ImpCentralError) -> HTTPResponse {
    switch operation.verb {
    case .create:
      return created(from: operation)
    case .update:
      return try await updated(from: operation)
    case .delete:
      if let id = operation.target { ledger.forget(id) }
      return HTTPResponse(status: 204)
    default:
      return HTTPResponse(status: 204)
    }
  }

  /// A read a dry run answers itself: a resource it made or changed, a resource it
  /// deleted (not found), a list filtered by a made-up id. Nil for reads to send.
  func plannedRead(_ operation: APIOperation) throws(ImpCentralError) -> HTTPResponse? {
    switch operation.verb {
    case .get:
      guard let id = operation.target else { return nil }
      if ledger.isDeleted(id) { throw Self.plannedNotFound(operation, id: id) }
      return ledger.planned(id).map { Self.document($0, status: 200) }
    case .list:
      let filter = PlannedFilter(operation.request.query)
      guard let kind = operation.resource, filter.namesPlannedID else { return nil }
      let page = ledger.overlay([], kind: kind, filter: filter, lastPage: true)
      return Self.collection(page)
    default:
      return nil
    }
  }

  /// A read's answer from the service, with what the dry run planned laid over it.
  func overlaid(_ response: HTTPResponse, for operation: APIOperation) -> HTTPResponse {
    if operation.verb == .get, let document = try? ResourceDocument(body: response.body) {
      let object = ledger.patched(document.data)
      return object == document.data ? response : Self.document(object, status: response.status)
    }
    guard operation.verb == .list, let kind = operation.resource,
      let document = try? CollectionDocument(body: response.body),
      let page = try? document.resources()
    else { return response }
    let filter = PlannedFilter(operation.request.query)
    let last = document.links.next == nil || document.data.isEmpty
    let objects = ledger.overlay(page, kind: kind, filter: filter, lastPage: last)
    guard objects != page else { return response }
    var answer = response
    answer.body = Self.collection(objects, links: document.links).body
    return answer
  }

  private func created(from operation: APIOperation) -> HTTPResponse {
    let data = Self.requestData(operation)
    let now = JSONValue.string(Timestamp.string(from: clock.now()))
    var object = ResourceObject(
      type: data["type"]?.stringValue ?? operation.resource?.rawValue ?? "resource",
      id: ledger.nextID())
    object.attributes = data["attributes"]?.objectValue ?? [:]
    object.attributes["created_at"] = now
    object.attributes["updated_at"] = now
    object.relationships = Self.relationships(data)
    if let group = object.relationships["devicegroup"], object.relationships["product"] == nil,
      let product = ledger.planned(group.id)?.relationships["product"]
    {
      object.relationships["product"] = product
    }
    ledger.remember(object)
    if object.kind == .deployment, let group = object.relationships["devicegroup"] {
      // The service makes a new build its group's current one.
      ledger.relate(
        group.id, "current_deployment", to: ResourceRef(type: object.type, id: object.id))
    }
    return Self.document(object, status: 201)
  }

  private func updated(
    from operation: APIOperation
  ) async throws(ImpCentralError) -> HTTPResponse {
    guard let kind = operation.resource, let id = operation.target else {
      return HTTPResponse(status: 204)
    }
    var object = try await currentObject(kind, id: id, path: operation.request.path)
    let data = Self.requestData(operation)
    for (name, value) in data["attributes"]?.objectValue ?? [:] {
      object.attributes[name] = value
    }
    object.relationships.merge(Self.relationships(data)) { _, new in new }
    object.attributes["updated_at"] = .string(Timestamp.string(from: clock.now()))
    ledger.remember(object)
    return Self.document(object, status: 200)
  }

  /// The resource as it stands: from the ledger if planned, else read from the service.
  private func currentObject(
    _ kind: ResourceKind, id: String, path: String
  ) async throws(ImpCentralError) -> ResourceObject {
    if let planned = ledger.planned(id) { return planned }
    var read = try Endpoints.get(kind, id: id)
    read.request.path = path
    read.target = id
    return try ResourceDocument(body: try await perform(read).body).data
  }

  private static func requestData(_ operation: APIOperation) -> JSONValue {
    operation.request.body.flatMap { try? JSONValue.parse($0) }?["data"] ?? [:]
  }

  private static func relationships(_ data: JSONValue) -> [String: ResourceRef] {
    var result: [String: ResourceRef] = [:]
    for (name, linkage) in data["relationships"]?.objectValue ?? [:] {
      if let ref = try? ResourceRef(relationship: linkage) { result[name] = ref }
    }
    return result
  }

  private static func plannedNotFound(_ operation: APIOperation, id: String) -> ImpCentralError {
    let noun = operation.resource?.noun ?? "resource"
    let body: JSONValue = [
      "errors": [
        [
          "status": "404", "code": "NotFound", "title": "Not Found",
          "detail": .string("the dry run deleted the \(noun) '\(id)'"),
        ]
      ]
    ]
    let response = HTTPResponse(status: 404, body: body.encoded())
    return ImpCentralError(response: response).during(operation.summary)
  }

  private static func document(_ object: ResourceObject, status: Int) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: jsonAPIHeaders, body: ResourceDocument(data: object).json.encoded())
  }

  private static func collection(
    _ objects: [ResourceObject], links: PageLinks = PageLinks()
  ) -> HTTPResponse {
    let data = objects.map { ResourceDocument(data: $0).json["data"] ?? .null }
    let document = CollectionDocument(data: data, links: links)
    return HTTPResponse(status: 200, headers: jsonAPIHeaders, body: document.json.encoded())
  }

  private static var jsonAPIHeaders: HTTPHeaders {
    var headers = HTTPHeaders()
    headers["Content-Type"] = Endpoints.jsonAPIType
    return headers
  }
}
