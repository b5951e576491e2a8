import Foundation

@testable import ImpCentral

/// Answers any request the client makes with a plausible document, so request-shape
/// tests can look at what was sent without scripting each answer.
///
/// Creates echo the request with id `new-id`; updates merge the request into the
/// fixture of that kind; reads return fixtures; everything else answers 204.
enum EchoService {
  static func answer(_ request: HTTPRequest) -> FakeTransport.Reply {
    if request.path.hasPrefix("/auth") { return Fixtures.reply(200, Fixtures.tokens()) }
    if request.path.hasSuffix("/logs") {
      return Fixtures.reply(200, logPage)
    }
    switch request.method {
    case .post where isCollection(request.path):
      return Fixtures.reply(201, ["data": created(request)])
    case .patch:
      return Fixtures.reply(200, ["data": updated(request)])
    case .get where isCollection(request.path):
      let item = fixture(for: request.path)
      return Fixtures.reply(
        200, Fixtures.page([item], collection: request.path, number: 1, next: nil))
    case .get:
      return Fixtures.reply(200, ["data": fixture(for: request.path)])
    default:
      return Fixtures.empty()
    }
  }

  static let collections = [
    "/products", "/devicegroups", "/deployments", "/devices", "/webhooks", "/accounts",
    "/accounts/me/login_keys", "/accounts/me/refresh_tokens", "/logstream",
  ]

  static func isCollection(_ path: String) -> Bool { collections.contains(path) }

  static func fixture(for path: String) -> JSONValue {
    switch true {
    case path.hasPrefix("/accounts/me/login_keys"): Fixtures.loginKeyResource
    case path.hasPrefix("/accounts/me/refresh_tokens"):
      ["type": "refresh_token", "id": "r1", "attributes": [:]]
    case path.hasPrefix("/accounts"): Fixtures.account
    case path.hasPrefix("/products"): Fixtures.product
    case path.hasPrefix("/devicegroups"): Fixtures.productionGroup
    case path.hasPrefix("/deployments"): Fixtures.deployment
    case path.hasPrefix("/devices"): Fixtures.device
    case path.hasPrefix("/webhooks"): Fixtures.webhook
    default: ["type": "logstream", "id": "s1", "attributes": ["url": "https://x/v5/logstream/s1"]]
    }
  }

  static let logPage: JSONValue = [
    "data": [
      ["ts": "2018-01-22T19:49:30.423Z", "type": "status", "msg": "older"],
      ["ts": "2018-01-22T19:49:31.000Z", "type": "server.log", "msg": "newer"],
    ],
    "links": ["self": "https://x/v5/devices/d/logs?page%5Bnumber%5D=1&page%5Bsize%5D=2"],
  ]

  private static func created(_ request: HTTPRequest) -> JSONValue {
    guard case .object(var data) = request.json?["data"] ?? ["type": "logstream"] else {
      return fixture(for: request.path)
    }
    data["id"] = "new-id"
    if request.path == "/logstream" {
      data["attributes"] = ["url": "https://x/v5/logstream/new-id"]
    }
    return .object(data)
  }

  private static func updated(_ request: HTTPRequest) -> JSONValue {
    guard case .object(var base) = fixture(for: request.path),
      case .object(var attributes) = base["attributes"] ?? [:],
      let data = request.json?["data"]
    else { return fixture(for: request.path) }
    for (name, value) in data["attributes"]?.objectValue ?? [:] { attributes[name] = value }
    base["attributes"] = .object(attributes)
    base["type"] = data["type"] ?? base["type"]
    base["id"] = data["id"] ?? base["id"]
    return .object(base)
  }
}

/// A client over an echo service, and the transport to inspect.
func echoClient(
  mode: ExecutionMode = .live, observer: OperationObserver? = nil
) -> (ImpCentralClient, FakeTransport) {
  let transport = FakeTransport(handler: EchoService.answer)
  return (makeClient(transport, mode: mode, observer: observer), transport)
}
