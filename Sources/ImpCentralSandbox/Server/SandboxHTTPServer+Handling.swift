import CMicroHTTPD
import Foundation
import ImpCentral

/// How the server answers one request.
enum ServerReply {
  /// A complete response.
  case response(HTTPResponse)
  /// A server-sent-event stream from the channel.
  case events(any EventChannel)
  /// A response head, then a closed connection.
  case drop
}

extension SandboxHTTPServer {
  /// Handles a request's head: refuses it at once when nothing it could send would help.
  func handleHead(of pending: PendingRequest, on connection: OpaquePointer) -> MHD_Result {
    guard let refusal = refusal(of: pending, on: connection) else { return .YES }
    return queue(.response(refusal), for: pending, on: connection)
  }

  /// Handles the end of a request: answers it unless a response is already queued.
  func handleEnd(of pending: PendingRequest, on connection: OpaquePointer) -> MHD_Result {
    guard pending.status == nil else { return .YES }
    return queue(reply(to: pending, on: connection), for: pending, on: connection)
  }

  private func refusal(of pending: PendingRequest, on connection: OpaquePointer) -> HTTPResponse? {
    guard HTTPMethod(rawValue: pending.method) != nil else {
      return ServerErrors.unsupportedMethod(pending.method)
    }
    guard pending.apiPath != nil || (admin != nil && pending.adminPath != nil) else {
      return ServerErrors.unknownPath(pending.url, admin: admin != nil)
    }
    let declared = ConnectionValues.header("Content-Length", of: connection).flatMap { Int($0) }
    if let declared, declared > options.maxBodyBytes {
      return ServerErrors.bodyTooLarge(limit: options.maxBodyBytes)
    }
    return nil
  }

  private func reply(to pending: PendingRequest, on connection: OpaquePointer) -> ServerReply {
    guard let method = HTTPMethod(rawValue: pending.method), let target = target(of: pending)
    else {
      return .response(ServerErrors.unknownPath(pending.url, admin: admin != nil))
    }
    if pending.overLimit {
      return .response(ServerErrors.bodyTooLarge(limit: options.maxBodyBytes))
    }
    let path = PercentDecoding.decode(target.path)
    let request = HTTPRequest(
      method: method, path: path, query: ConnectionValues.query(of: connection),
      headers: ConnectionValues.headers(of: connection),
      body: pending.body.isEmpty ? nil : pending.body)
    if let type = unreadableBodyType(of: request) {
      return .response(ServerErrors.unsupportedMediaType(type))
    }
    switch target {
    case .admin(let api, _):
      return .response(api.respond(to: request))
    case .api:
      if let fault = faults.take(method: method, path: path) { return reply(injecting: fault) }
      return answer(request)
    }
  }

  /// Which API a request's path belongs to, and its path there.
  private enum Target {
    /// impCentral API v5; the path without `/v5`.
    case api(String)
    /// The admin API; the path without `/sandbox/v1`.
    case admin(SandboxAdminAPI, String)

    var path: String {
      switch self {
      case .api(let path), .admin(_, let path): path
      }
    }
  }

  private func target(of pending: PendingRequest) -> Target? {
    if let path = pending.apiPath { return .api(path) }
    guard let admin, let path = pending.adminPath else { return nil }
    return .admin(admin, path)
  }

  private func answer(_ request: HTTPRequest) -> ServerReply {
    guard Self.isEventStream(request) else { return .response(responder.respond(to: request)) }
    switch responder.openEvents(request) {
    case .channel(let channel): return .events(channel)
    case .response(let response): return .response(response)
    }
  }

  private func reply(injecting fault: FaultPlan.Fault) -> ServerReply {
    switch fault {
    case .rateLimited(let seconds):
      return .response(ServerErrors.rateLimited(resetSeconds: seconds))
    case .serverError(let status): return .response(ServerErrors.injectedFailure(status: status))
    case .drop: return .drop
    }
  }

  /// The declared media type of a body the API cannot read, if the request has one.
  private func unreadableBodyType(of request: HTTPRequest) -> String? {
    guard request.body != nil, let declared = request.headers["Content-Type"] else { return nil }
    let type = declared.split(separator: ";").first.map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    guard let type, !ServerErrors.acceptedBodyTypes.contains(type) else { return nil }
    return declared
  }

  /// Whether the request opens a log stream: `GET /logstream/{id}`.
  static func isEventStream(_ request: HTTPRequest) -> Bool {
    let segments = request.path.split(separator: "/")
    return request.method == .get && segments.count == 2 && segments[0] == "logstream"
  }
}
