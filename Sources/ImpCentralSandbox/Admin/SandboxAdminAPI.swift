import Foundation
import ImpCentral

/// The served sandbox's admin API: what `sandbox …` commands do, over HTTP under
/// `/sandbox/v1`, so that a session on `imptsh --serve` can drive the simulated hardware.
///
/// `GET /sandbox/v1` answers a capability document to anyone, so a client can tell an
/// imptsh sandbox from impCentral before logging in. Every other operation needs an
/// access token of the sandbox (the same bearer tokens as `/v5`) and acts for its
/// account. Bodies are plain JSON; failures are impCentral-shaped error documents whose
/// `code` is the sandbox's message id (`sandbox.notBlessed`) and whose `meta.help` is the
/// remedy.
///
/// ```
/// POST /sandbox/v1/devices {"count": 2, "name_prefix": "fixture"}
/// → 201 {"devices": [{"id": "…", "name": "fixture-1", …}, …]}
/// ```
public struct SandboxAdminAPI: Sendable {
  /// The path the admin API lives under, outside `/v5`.
  public static let pathPrefix = "/sandbox/v1"
  /// The `service` member of the capability document, which identifies an imptsh sandbox.
  public static let serviceName = "imptsh-sandbox"

  /// The sandbox the operations act on.
  public let sandbox: Sandbox

  /// Creates the admin API of `sandbox`.
  public init(sandbox: Sandbox) {
    self.sandbox = sandbox
  }

  /// Answers one request whose path is relative to `pathPrefix` (`/devices`, or `/` for
  /// the capability document). Never throws: every failure is an error document.
  public func respond(to request: HTTPRequest) -> HTTPResponse {
    let api = APIRequest(request)
    do {
      let route = try AdminRoute.find(api)
      guard route.needsLogin else { return try route.handler(AdminCall(api, nil, sandbox)) }
      let caller = try sandbox.adminCaller(api)
      return try route.handler(AdminCall(api, caller, sandbox))
    } catch {
      return AdminReply.failure(error)
    }
  }

  /// Whether `path` (as sent, with the prefix) is an admin path; gives the rest of it.
  public static func relativePath(of path: String) -> String? {
    guard path == pathPrefix || path.hasPrefix(pathPrefix + "/") else { return nil }
    let rest = path.dropFirst(pathPrefix.count)
    return rest.isEmpty ? "/" : String(rest)
  }
}

/// One admin request being answered: the request, the caller and the sandbox.
struct AdminCall {
  let request: APIRequest
  /// The account whose token the request carries; nil for the capability document.
  let caller: Account?
  let sandbox: Sandbox

  init(_ request: APIRequest, _ caller: Account?, _ sandbox: Sandbox) {
    self.request = request
    self.caller = caller
    self.sandbox = sandbox
  }

  /// The caller's account id; the router sets a caller on every route that needs one.
  var accountID: String { caller?.id ?? "" }

  /// The request's JSON body as fields to read.
  func body(allowEmpty: Bool = false) throws -> AdminBody {
    guard let data = request.body, !data.isEmpty else {
      if allowEmpty { return AdminBody(members: [:]) }
      throw AdminBody.problem("expected a JSON object body")
    }
    let value: JSONValue
    do {
      value = try JSONValue.parse(data)
    } catch {
      throw AdminBody.problem("expected a JSON object body; it is not valid JSON: \(error)")
    }
    guard let members = value.objectValue else {
      throw AdminBody.problem("expected a JSON object body, such as {\"count\": 1}")
    }
    return AdminBody(members: members)
  }
}
