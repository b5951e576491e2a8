import Foundation
import ImpCentral

/// The error documents the HTTP server answers with before a request reaches the responder.
///
/// They have the impCentral shape, so clients handle them like any other API error:
/// `{"errors":[{"status":"404","title":"Not Found","detail":"…","code":"NF001"}]}`.
enum ServerErrors {
  /// The media types a request body may declare.
  static let acceptedBodyTypes: Set<String> = ["application/vnd.api+json", "application/json"]

  /// The request's path is outside the API's `/v5` prefix (and the admin API's, when the
  /// server has one).
  static func unknownPath(_ path: String, admin: Bool = false) -> HTTPResponse {
    let prefixes = admin ? "'/v5/' or '\(SandboxAdminAPI.pathPrefix)'" : "'/v5/'"
    return document(
      status: 404, title: "Not Found", code: "NF000",
      detail: "there is no API at '\(path)'; paths start with \(prefixes)")
  }

  /// The request's method is not one the API uses.
  static func unsupportedMethod(_ method: String) -> HTTPResponse {
    var response = document(
      status: 405, title: "Method Not Allowed", code: "VX405",
      detail: "'\(method)' is not an API method; expected GET, POST, PUT, PATCH or DELETE")
    response.headers["Allow"] = allowedMethods
    return response
  }

  /// The request's body is larger than the server accepts.
  static func bodyTooLarge(limit: Int) -> HTTPResponse {
    document(
      status: 413, title: "Payload Too Large", code: "VX413",
      detail: "the request body is larger than \(limit) bytes")
  }

  /// The request's body has a media type the API does not read.
  static func unsupportedMediaType(_ type: String) -> HTTPResponse {
    document(
      status: 415, title: "Unsupported Media Type", code: "VX415",
      detail: "a body of type '\(type)' cannot be read; "
        + "expected 'application/vnd.api+json' or 'application/json'")
  }

  /// The fault plan asked for a rate-limit refusal.
  static func rateLimited(resetSeconds: Int) -> HTTPResponse {
    var response = document(
      status: 429, title: "Too Many Requests", code: "RL429",
      detail: "the rate limit is exhausted; try again in \(resetSeconds) s")
    response.headers["X-RateLimit-Limit"] = "40"
    response.headers["X-RateLimit-Remaining"] = "0"
    response.headers["X-RateLimit-Reset"] = String(resetSeconds)
    return response
  }

  /// The fault plan asked for a server failure with `status`.
  static func injectedFailure(status: Int) -> HTTPResponse {
    document(
      status: status, title: status == 503 ? "Service Unavailable" : "Internal Server Error",
      code: "XX\(status)", detail: "a failure injected by the sandbox's fault plan")
  }

  /// An impCentral error document with one error.
  static func document(status: Int, title: String, code: String, detail: String) -> HTTPResponse {
    let error: JSONValue = [
      "status": .string(String(status)), "title": .string(title),
      "detail": .string(detail), "code": .string(code),
    ]
    let body: JSONValue = ["errors": [error]]
    return HTTPResponse(
      status: status, headers: ["Content-Type": "application/vnd.api+json"],
      body: body.encoded())
  }

  private static let allowedMethods = HTTPMethod.allCases.map(\.rawValue)
    .joined(separator: ", ")
}
