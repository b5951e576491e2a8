import Foundation
import ImpCentral
import ImpCentralSandbox

/// Telling whether an HTTP endpoint is a sandbox served by `imptsh --serve`.
///
/// The session asks once, when it connects, with `GET /sandbox/v1` next to the endpoint's
/// `/v5`, and only when the endpoint is on this machine or its host is named in
/// `IMPTSH_SANDBOX_HOSTS`; impCentral itself is never asked.
enum ServedSandbox {
  /// The environment variable naming other hosts that run `imptsh --serve`, separated by
  /// commas: `IMPTSH_SANDBOX_HOSTS=trainer.local,10.0.0.5`.
  static let hostsVariable = "IMPTSH_SANDBOX_HOSTS"
  /// Seconds the question may take before the answer counts as no.
  static let probeTimeout: TimeInterval = 2

  /// Whether `host` is this machine: `localhost`, 127.0.0.0/8 or `::1`.
  static func isLoopback(host: String) -> Bool {
    let host = host.lowercased()
    return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
  }

  /// The hosts `IMPTSH_SANDBOX_HOSTS` names, lowercased.
  static func hosts(in environment: [String: String]) -> Set<String> {
    let text = environment[hostsVariable] ?? ""
    return Set(
      text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        .filter { !$0.isEmpty })
  }

  /// Whether the session may ask `endpoint` if it is a served sandbox.
  static func mayAsk(_ endpoint: URL, hosts: Set<String>) -> Bool {
    guard let host = endpoint.host?.lowercased() else { return false }
    return isLoopback(host: host) || hosts.contains(host)
  }

  /// The admin API's base next to `endpoint`: `http://127.0.0.1:8421/v5` gives
  /// `http://127.0.0.1:8421/sandbox/v1`.
  static func adminURL(for endpoint: URL) -> URL? {
    guard var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false) else {
      return nil
    }
    var path = components.path
    while path.hasSuffix("/") { path.removeLast() }
    if path.hasSuffix("/v5") { path.removeLast(3) }
    components.path = path + SandboxAdminAPI.pathPrefix
    components.query = nil
    components.fragment = nil
    return components.url
  }

  /// The admin API's base when `endpoint` is a served sandbox; nil when it is not, does
  /// not answer in time, or may not be asked.
  static func probe(_ endpoint: URL, hosts: Set<String>, logger: Logger) async -> URL? {
    guard mayAsk(endpoint, hosts: hosts), let admin = adminURL(for: endpoint) else {
      return nil
    }
    let transport = HTTPTransport(
      baseURL: admin, requestTimeout: probeTimeout, logger: logger.child("probe"))
    let request = HTTPRequest(
      method: .get, path: "/", headers: ["Accept": "application/json"])
    guard let response = try? await transport.send(request), response.status == 200,
      let document = try? JSONValue.parse(response.body),
      document["service"]?.stringValue == SandboxAdminAPI.serviceName
    else { return nil }
    return admin
  }
}
