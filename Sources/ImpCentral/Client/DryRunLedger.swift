import Foundation
import Synchronization

/// What a dry run has planned: made-up ids and the resources it pretends to have made.
///
/// A class because every copy of a client shares one ledger; a `Mutex` guards its state.
final class DryRunLedger: Sendable {
  private struct State {
    var nextNumber = 1
    var planned: [String: ResourceObject] = [:]
  }

  private let state = Mutex(State())

  /// The prefix of every made-up id: `planned-1`, `planned-2`…
  static let idPrefix = "planned-"

  /// A fresh made-up id.
  func nextID() -> String {
    state.withLock { state in
      defer { state.nextNumber += 1 }
      return Self.idPrefix + String(state.nextNumber)
    }
  }

  /// Keeps a made-up resource so later reads of its id find it.
  func remember(_ object: ResourceObject) {
    state.withLock { $0.planned[object.id] = object }
  }

  /// Forgets a made-up resource, as a planned delete does.
  func forget(_ id: String) {
    _ = state.withLock { $0.planned.removeValue(forKey: id) }
  }

  /// The made-up resource with this id, if the dry run made one.
  func planned(_ id: String) -> ResourceObject? {
    state.withLock { $0.planned[id] }
  }
}

extension ImpCentralClient {
  /// Answers a write a dry run does not send, with what the service would plausibly say.
  ///
  /// Creates echo the request with a made-up id; updates merge the request into the
  /// current resource (read from the service, or from the ledger for a made-up id);
  /// everything else answers 204.
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

  /// A read of a made-up resource, answered from the ledger; nil for anything else.
  func plannedRead(_ operation: APIOperation) -> HTTPResponse? {
    guard operation.verb == .get, let id = operation.target,
      id.hasPrefix(DryRunLedger.idPrefix), let object = ledger.planned(id)
    else { return nil }
    return Self.document(object, status: 200)
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
    ledger.remember(object)
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
    if id.hasPrefix(DryRunLedger.idPrefix) { ledger.remember(object) }
    return Self.document(object, status: 200)
  }

  /// The resource as it stands: from the ledger if made up, else read from the service.
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

  private static func document(_ object: ResourceObject, status: Int) -> HTTPResponse {
    var headers = HTTPHeaders()
    headers["Content-Type"] = Endpoints.jsonAPIType
    return HTTPResponse(
      status: status, headers: headers, body: ResourceDocument(data: object).json.encoded())
  }
}
