import Foundation

extension APIOperation: CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  /// The summary.
  public var description: String { summary }

  /// The summary and the request with secrets masked.
  public var debugDescription: String { summary + " — " + requestDescription }

  /// Reflection shows only safe fields, so `dump` cannot leak a secret.
  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "verb": verb, "resource": resource as Any, "target": target as Any,
        "access": access, "summary": summary, "request": requestDescription,
      ])
  }

  /// The request as `METHOD /path?query`, the headers and body, secrets masked.
  ///
  /// `POST /auth {"id":"me@example.com","password":"<redacted>"}`.
  public var requestDescription: String {
    var parts = [request.method.rawValue + " " + RequestRedaction.pathAndQuery(request)]
    let headers = RequestRedaction.headers(request.headers)
    if !headers.isEmpty { parts.append(headers) }
    if let body = RequestRedaction.body(request) { parts.append(body) }
    return parts.joined(separator: " ")
  }

  /// The path with secret segments masked, for logs and messages.
  public var redactedPath: String { RequestRedaction.path(request.path) }
}

/// Masks the secrets a request may carry: credential headers, the credential members of
/// auth bodies, and login keys or refresh tokens in paths.
enum RequestRedaction {
  /// Headers that always carry a secret.
  static let secretHeaders: Set<String> = [
    "authorization", "x-electricimp-password", "x-electricimp-otp-token", "x-electricimp-key",
  ]

  /// Body members that carry a secret in `/auth` and `/auth/token` bodies.
  static let secretMembers: Set<String> = ["password", "token", "key", "login_token"]

  /// Path prefixes whose next segment is a secret.
  static let secretCollections = ["/accounts/me/login_keys/", "/accounts/me/refresh_tokens/"]

  static func path(_ path: String) -> String {
    for prefix in secretCollections where path.hasPrefix(prefix) {
      let rest = path.dropFirst(prefix.count)
      let tail = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
      return prefix + Secret.mask + tail
    }
    return path
  }

  static func pathAndQuery(_ request: HTTPRequest) -> String {
    var copy = request
    copy.path = path(request.path)
    return copy.pathAndQuery
  }

  static func headers(_ headers: HTTPHeaders) -> String {
    headers.map { field in
      let secret = secretHeaders.contains(field.name.lowercased())
      return "\(field.name): \(secret ? Secret.mask : field.value)"
    }.joined(separator: " ")
  }

  static func body(_ request: HTTPRequest) -> String? {
    guard let data = request.body, !data.isEmpty else { return nil }
    guard let json = try? JSONValue.parse(data) else { return "<\(data.count) bytes>" }
    let secretID = secretCollections.contains { request.path.hasPrefix($0) }
    return masked(json, secretID: secretID).jsonText()
  }

  /// The body with credential members masked, and `data.id` too when the id is a key.
  private static func masked(_ json: JSONValue, secretID: Bool) -> JSONValue {
    guard case .object(var members) = json else { return json }
    for name in members.keys where secretMembers.contains(name) {
      members[name] = .string(Secret.mask)
    }
    if secretID, case .object(var data) = members["data"], data["id"] != nil {
      data["id"] = .string(Secret.mask)
      members["data"] = .object(data)
    }
    return .object(members)
  }
}
