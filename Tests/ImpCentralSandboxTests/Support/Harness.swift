import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

/// A deliverer that keeps what it is handed, for checking which firings go out.
final class RecordingDeliverer: WebhookDeliverer, @unchecked Sendable {
  // Safe: `delivered` is only touched while holding `lock`.
  private let lock = NSLock()
  private var delivered: [WebhookFiring] = []

  func deliver(_ firing: WebhookFiring) {
    lock.withLock { delivered.append(firing) }
  }

  /// Everything delivered so far.
  var firings: [WebhookFiring] { lock.withLock { delivered } }
}

/// A response with its body parsed.
struct Answer {
  var status: Int
  var json: JSONValue
  var headers: HTTPHeaders
  /// The body exactly as sent.
  var text: String = ""

  /// The `data` member.
  var data: JSONValue { json["data"] ?? .null }
  /// `data.id`.
  var id: String { data["id"]?.stringValue ?? "" }
  /// `data.attributes`.
  var attributes: JSONValue { data["attributes"] ?? .null }
  /// The elements of a list's `data`.
  var items: [JSONValue] { data.arrayValue ?? [] }
  /// The first error's code.
  var code: String? { json["errors"]?.arrayValue?.first?["code"]?.stringValue }
  /// The first error's detail, or "".
  var detail: String { json["errors"]?.arrayValue?.first?["detail"]?.stringValue ?? "" }
}

/// A sandbox in memory with a manual clock, seeded ids, and a logged-in `sandbox` account.
struct Harness {
  let sandbox: Sandbox
  let clock: ManualClock
  let deliverer: RecordingDeliverer
  let token: String

  static let base = SandboxConfiguration.defaultBaseURL

  init(
    configuration: SandboxConfiguration = SandboxConfiguration(), path: String = ":memory:",
    seed: UInt64 = 7
  ) throws {
    clock = ManualClock()
    deliverer = RecordingDeliverer()
    sandbox = try Sandbox(
      path: path, configuration: configuration, clock: clock,
      identifiers: SeededIdentifiers(seed: seed), deliverer: deliverer)
    token = try Self.login(sandbox, "sandbox", "sandbox")
  }

  /// Logs in with a password and returns the access token.
  static func login(_ sandbox: Sandbox, _ id: String, _ password: String) throws -> String {
    let body: JSONValue = ["id": .string(id), "password": .string(password)]
    let response = sandbox.respond(
      to: HTTPRequest(method: .post, path: "/auth", body: body.encoded()))
    let json = try JSONValue.parse(response.body)
    return try #require(json["access_token"]?.stringValue)
  }

  /// Sends a request with the harness token (or `token`, or none when `token` is "").
  func call(
    _ method: HTTPMethod, _ path: String, _ body: JSONValue? = nil,
    query: [(String, String)] = [], headers: [String: String] = [:], token: String? = nil
  ) -> Answer {
    var request = HTTPRequest(
      method: method, path: path,
      query: query.map { URLQueryItem(name: $0.0, value: $0.1) }, body: body?.encoded())
    request.headers["Content-Type"] = "application/vnd.api+json"
    let bearer = token ?? self.token
    if !bearer.isEmpty { request.headers["Authorization"] = "Bearer \(bearer)" }
    for (name, value) in headers { request.headers[name] = value }
    return Self.answer(sandbox.respond(to: request))
  }

  /// Sends raw body bytes.
  func raw(_ method: HTTPMethod, _ path: String, body: String) -> Answer {
    var request = HTTPRequest(method: method, path: path, body: Data(body.utf8))
    request.headers["Authorization"] = "Bearer \(token)"
    return Self.answer(sandbox.respond(to: request))
  }

  static func answer(_ response: HTTPResponse) -> Answer {
    let json = response.body.isEmpty ? .null : ((try? JSONValue.parse(response.body)) ?? .null)
    return Answer(
      status: response.status, json: json, headers: response.headers,
      text: String(decoding: response.body, as: UTF8.self))
  }

  /// The caller's account id.
  var accountID: String { call(.get, "/accounts/me").id }
}
