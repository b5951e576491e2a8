import Foundation
import ImpCentral

/// Direct API calls to a served sandbox, made the way any HTTP client would.
enum ServerCalls {
  /// `POST /auth` as the seeded account: the login answer (`access_token`,
  /// `expires_at`, `refresh_token`).
  static func login(_ server: ServeProcess) async throws -> JSONValue {
    let body: JSONValue = ["id": "sandbox", "password": "sandbox"]
    return try await send(server, .post, "/auth", body: body, token: nil)
  }

  /// Creates a login key of the seeded account and returns it.
  static func createLoginKey(_ server: ServeProcess, token: String) async throws -> String {
    let body: JSONValue = ["data": ["type": "login_key", "attributes": [:]]]
    let answer = try await send(
      server, .post, "/accounts/me/login_keys", body: body, token: token,
      headers: ["X-Electricimp-Password": "sandbox"])
    return answer["data"]?["id"]?.stringValue ?? ""
  }

  /// Sends one request and returns its JSON body; throws on a status outside 2xx.
  static func send(
    _ server: ServeProcess, _ method: HTTPMethod, _ path: String, body: JSONValue?,
    token: String?, headers: [String: String] = [:]
  ) async throws -> JSONValue {
    guard let base = URL(string: server.url) else { throw Refused(status: 0, body: server.url) }
    var request = HTTPRequest(
      method: method, path: path, headers: ["Content-Type": "application/vnd.api+json"],
      body: body?.encoded())
    if let token { request.headers["Authorization"] = "Bearer " + token }
    for (name, value) in headers { request.headers[name] = value }
    let response = try await HTTPTransport(baseURL: base, requestTimeout: 20).send(request)
    guard response.isSuccess else {
      throw Refused(status: response.status, body: String(decoding: response.body, as: UTF8.self))
    }
    return response.body.isEmpty ? .null : try JSONValue.parse(response.body)
  }

  /// The server answered outside 2xx.
  struct Refused: Error {
    var status: Int
    var body: String
  }
}
