import Foundation
import ImpCentral
import ImpCentralSandbox
import ImptCommands
import ImptLanguage

/// The `sandbox` commands' view of a sandbox served by `imptsh --serve`: its hardware
/// simulation through the admin API (`/sandbox/v1`), with the session's login.
///
/// Requests go through the session's client, so they carry its bearer token, renew it,
/// follow the retry policy and are counted like API requests; the sandbox's refusals
/// come back as the same user-facing errors the embedded sandbox gives.
public struct RemoteSandboxControl: SandboxControl {
  /// The session's client, whose login the requests use.
  public let client: ImpCentralClient
  /// Carries requests to the admin API.
  let transport: HTTPTransport

  /// Creates the control for the admin API at `adminURL`, such as
  /// `http://127.0.0.1:8421/sandbox/v1`.
  public init(client: ImpCentralClient, adminURL: URL) {
    self.client = client
    let timeout = (client.transport as? HTTPTransport)?.requestTimeout ?? 60
    transport = HTTPTransport(baseURL: adminURL, requestTimeout: timeout, logger: client.logger)
  }

  public func addDevices(count: Int, namePrefix: String?, impType: String?, online: Bool)
    async throws -> [String]
  {
    var body: [String: JSONValue] = ["count": .number(Double(count)), "online": .bool(online)]
    body["name_prefix"] = namePrefix.map(JSONValue.string)
    body["imp_type"] = impType.map(JSONValue.string)
    let answer = try await post("/devices", body, "add \(count) devices to the served sandbox")
    return Self.deviceIDs(answer)
  }

  public func runFactory(fixtureGroupID: String, count: Int) async throws -> [String] {
    let body: [String: JSONValue] = [
      "fixture_group_id": .string(fixtureGroupID), "count": .number(Double(count)),
    ]
    let answer = try await post(
      "/factory", body, "run the factory line of device group \(fixtureGroupID)")
    return Self.deviceIDs(answer)
  }

  public func blinkup(deviceID: String) async throws {
    _ = try await post("/blinkup", ["device_id": .string(deviceID)], "blink up \(deviceID)")
  }

  public func emitLog(deviceID: String, text: String, type: String) async throws {
    let body: [String: JSONValue] = [
      "device_id": .string(deviceID), "text": .string(text), "type": .string(type),
    ]
    _ = try await post("/logs", body, "log a line on device \(deviceID)")
  }

  public func setOnline(deviceID: String, _ online: Bool) async throws {
    let body: [String: JSONValue] = ["device_id": .string(deviceID), "online": .bool(online)]
    let summary = "take device \(deviceID) \(online ? "online" : "offline")"
    _ = try await post("/online", body, summary)
  }

  public func webhookFirings() async throws -> [Value] {
    let answer = try await send(
      HTTPRequest(method: .get, path: "/webhooks", headers: ["Accept": "application/json"]),
      .read, "list the served sandbox's webhook calls")
    return (answer["firings"]?.arrayValue ?? []).map(Self.firing)
  }

  public func reset() async throws {
    _ = try await post("/reset", [:], "reset the served sandbox")
  }

  /// The served sandbox's seeded account, which every new sandbox has.
  public var seededLogin: (user: String, password: Secret) {
    (SandboxAccounts.standard.username, Secret(SandboxAccounts.standard.password))
  }

  private func post(
    _ path: String, _ body: [String: JSONValue], _ summary: String
  ) async throws -> JSONValue {
    let request = HTTPRequest(
      method: .post, path: path,
      headers: ["Content-Type": "application/json", "Accept": "application/json"],
      body: JSONValue.object(body).encoded())
    return try await send(request, .write, summary)
  }

  private func send(
    _ request: HTTPRequest, _ access: OperationAccess, _ summary: String
  ) async throws -> JSONValue {
    let operation = APIOperation(
      verb: request.method == .get ? .list : .create, resource: nil, target: nil,
      access: access, summary: summary, request: request)
    let response: HTTPResponse
    do {
      response = try await client.perform(operation, over: transport)
    } catch {
      throw Self.failure(error)
    }
    guard !response.body.isEmpty else { return .null }
    return (try? JSONValue.parse(response.body)) ?? .null
  }

  /// The sandbox's own refusal (`sandbox.notBlessed`, with its remedy) as the same
  /// user-facing error the embedded sandbox gives; other failures (login, network)
  /// unchanged.
  static func failure(_ error: ImpCentralError) -> any Error {
    guard let entry = error.errors.first, let code = entry.code, code.hasPrefix("sandbox."),
      let detail = entry.detail
    else { return error }
    let help = entry.meta?["help"]?.stringValue
    guard let known = SandboxError.Code(rawValue: code) else {
      return CommandError(code, detail, help: help.map { [$0] } ?? [])
    }
    return SandboxFailure(SandboxError(known, detail, help: help))
  }

  private static func deviceIDs(_ answer: JSONValue) -> [String] {
    (answer["devices"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
  }

  /// A firing as the record `sandbox webhooks` lists, as for the embedded sandbox.
  static func firing(_ json: JSONValue) -> Value {
    let text = { (name: String) in json[name]?.stringValue ?? "" }
    let firing = WebhookFiring(
      sequence: json["sequence"]?.intValue ?? 0, webhookID: text("webhook_id"),
      deviceGroupID: text("devicegroup_id"), event: text("event"), url: text("url"),
      contentType: text("content_type"), payload: json["payload"] ?? .null,
      firedAt: text("fired_at"))
    return SandboxAdapter.record(firing)
  }
}
