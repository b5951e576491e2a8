import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

/// The served sandbox's admin API, answered in-process and over the HTTP server.
@Suite struct AdminAPITests {
  /// Sends an admin request with the harness token (none when `token` is "").
  func admin(
    _ harness: Harness, _ method: HTTPMethod, _ path: String, _ body: JSONValue? = nil,
    token: String? = nil
  ) -> Answer {
    var request = HTTPRequest(method: method, path: path, body: body?.encoded())
    request.headers["Content-Type"] = "application/json"
    let bearer = token ?? harness.token
    if !bearer.isEmpty { request.headers["Authorization"] = "Bearer \(bearer)" }
    return Harness.answer(SandboxAdminAPI(sandbox: harness.sandbox).respond(to: request))
  }

  @Test func capabilityDocumentNamesTheServiceWithoutALogin() throws {
    let harness = try Harness()
    let answer = admin(harness, .get, "/", token: "")
    #expect(answer.status == 200)
    #expect(answer.json["service"]?.stringValue == "imptsh-sandbox")
    let paths = answer.json["operations"]?.arrayValue?.compactMap { $0["path"]?.stringValue }
    #expect(paths?.contains("/sandbox/v1/factory") == true)
    #expect(answer.headers["Content-Type"] == "application/json")
  }

  @Test(
    "operations refuse a missing or unknown token",
    arguments: [("", "PX101"), ("not-a-token", "PX102")])
  func operationsNeedAToken(token: String, code: String) throws {
    let harness = try Harness()
    let answer = admin(harness, .post, "/devices", ["count": 1], token: token)
    #expect(answer.status == 401)
    #expect(answer.code == code)
    #expect(try harness.sandbox.webhookFirings().isEmpty)
    #expect(harness.call(.get, "/devices").items.isEmpty)
  }

  @Test func addedDevicesBelongToTheCallerAndShowInTheAPI() throws {
    let harness = try Harness()
    let answer = admin(
      harness, .post, "/devices", ["count": 2, "name_prefix": "rig", "online": false])
    #expect(answer.status == 201)
    let devices = answer.json["devices"]?.arrayValue ?? []
    #expect(devices.compactMap { $0["name"]?.stringValue } == ["rig-1", "rig-2"])
    #expect(devices.allSatisfy { $0["device_online"] == false })
    let listed = harness.call(.get, "/devices").items.compactMap { $0["id"]?.stringValue }
    #expect(Set(listed) == Set(devices.compactMap { $0["id"]?.stringValue }))
  }

  @Test func factoryBlinkupAndOnlineDriveTheLine() throws {
    let harness = try Harness()
    let line = try harness.factoryLine()
    _ = try harness.deploy(line.factory, type: .factory, device: "server.log(\"testing\");")
    _ = try harness.deploy(line.production, type: .production, device: "// app")
    let made = admin(harness, .post, "/factory", ["fixture_group_id": .string(line.factory)])
    #expect(made.status == 201)
    let device = try #require(made.json["devices"]?.arrayValue?.first)
    #expect(device["blessed"] == true)
    #expect(device["devicegroup_id"]?.stringValue == line.production)

    let id = try #require(device["id"]?.stringValue)
    let activated = admin(harness, .post, "/blinkup", ["device_id": .string(id)])
    #expect(activated.json["device"]?["device_online"] == true)
    let offline = admin(
      harness, .post, "/online", ["device_id": .string(id), "online": false])
    #expect(offline.json["device"]?["device_online"] == false)
  }

  @Test func logLinesReachTheDeviceLog() throws {
    let harness = try Harness()
    let device = try harness.sandbox.addDevices(count: 1)[0]
    let answer = admin(
      harness, .post, "/logs", ["device_id": .string(device.id), "text": "hello there"])
    #expect(answer.status == 204)
    let logs = harness.call(.get, "/devices/\(device.id)/logs")
    #expect(logs.text.contains("hello there"))
  }

  @Test func simulationRefusalsCarryTheSandboxIdAndRemedy() throws {
    let harness = try Harness()
    let device = try harness.sandbox.addDevices(count: 1)[0]
    let answer = admin(harness, .post, "/blinkup", ["device_id": .string(device.id)])
    #expect(answer.status == 409)
    let error = answer.json["errors"]?.arrayValue?.first
    #expect(error?["code"]?.stringValue == "sandbox.notBlessed")
    #expect(error?["detail"]?.stringValue?.contains(device.id) == true)
    #expect(error?["meta"]?["help"]?.stringValue?.isEmpty == false)
  }

  @Test func devicesOfAnotherAccountAreNotFound() throws {
    let harness = try Harness()
    let theirs = try harness.sandbox.addDevices(count: 1, owner: "twofactor")[0]
    let answer = admin(harness, .post, "/logs", ["device_id": .string(theirs.id), "text": "x"])
    #expect(answer.status == 404)
    #expect(answer.code == "sandbox.notFound")
  }

  @Test(
    "malformed bodies name the member and what was expected",
    arguments: [
      ("/devices", "{\"count\": \"many\"}", "'count'"),
      ("/devices", "{\"count\": 0}", "from 1 to 100000"),
      ("/logs", "[1, 2]", "JSON object"),
      ("/logs", "{not json", "JSON object"),
      ("/logs", "{\"text\": \"x\"}", "'device_id'"),
      ("/online", "{\"device_id\": \"x\", \"online\": \"yes\"}", "true or false"),
    ])
  func malformedBodiesAreRefused(path: String, body: String, mention: String) throws {
    let harness = try Harness()
    var request = HTTPRequest(method: .post, path: path, body: Data(body.utf8))
    request.headers["Authorization"] = "Bearer \(harness.token)"
    let answer = Harness.answer(SandboxAdminAPI(sandbox: harness.sandbox).respond(to: request))
    #expect(answer.status == 400)
    #expect(answer.code == "sandbox.badRequest")
    let detail = answer.json["errors"]?.arrayValue?.first?["detail"]?.stringValue ?? ""
    #expect(detail.contains(mention), "\(detail)")
  }

  @Test func unknownOperationsAndMethodsAreRefused() throws {
    let harness = try Harness()
    #expect(admin(harness, .get, "/teleport").code == "sandbox.unknownOperation")
    let wrong = admin(harness, .delete, "/devices")
    #expect(wrong.status == 405)
    #expect(wrong.headers["Allow"] == "POST")
  }

  @Test func resetEmptiesTheSandboxAndEndsLogins() throws {
    let harness = try Harness()
    _ = try harness.product("Gone")
    #expect(admin(harness, .post, "/reset").status == 204)
    #expect(harness.call(.get, "/products").status == 401)
    let token = try Harness.login(harness.sandbox, "sandbox", "sandbox")
    #expect(harness.call(.get, "/products", token: token).items.isEmpty)
  }

  @Test func theServerAnswersAdminPathsOutsideV5WithoutFaults() async throws {
    let harness = try Harness()
    let faults = try FaultPlan(parsing: "500x5")
    let server = SandboxHTTPServer(
      responder: harness.sandbox, admin: SandboxAdminAPI(sandbox: harness.sandbox),
      faults: faults)
    try server.start()
    defer { server.stop() }
    let base = try #require(URL(string: "http://127.0.0.1:\(server.port)/sandbox/v1"))
    let transport = HTTPTransport(baseURL: base, requestTimeout: 10)
    var request = HTTPRequest(
      method: .post, path: "/devices", headers: ["Content-Type": "application/json"],
      body: Data("{\"count\": 3}".utf8))
    request.headers["Authorization"] = "Bearer \(harness.token)"
    let response = try await transport.send(request)
    #expect(response.status == 201)
    #expect(faults.pending.first?.count == 5)
    #expect(server.requests.count(of: "POST /sandbox/v1/devices") == 1)
  }

  @Test func theServerRefusesAdminBodiesOfAnotherTypeBeforeTheyRun() async throws {
    let harness = try Harness()
    let server = SandboxHTTPServer(
      responder: harness.sandbox, admin: SandboxAdminAPI(sandbox: harness.sandbox))
    try server.start()
    defer { server.stop() }
    let base = try #require(URL(string: "http://127.0.0.1:\(server.port)/sandbox/v1"))
    var request = HTTPRequest(
      method: .post, path: "/devices", headers: ["Content-Type": "text/plain"],
      body: Data("count=3".utf8))
    request.headers["Authorization"] = "Bearer \(harness.token)"
    let response = try await HTTPTransport(baseURL: base, requestTimeout: 10).send(request)
    #expect(response.status == 415)
    #expect(harness.call(.get, "/devices").items.isEmpty)
  }

  @Test func aServerWithoutAdminAPIAnswers404There() async throws {
    let harness = try Harness()
    try await withServer(harness.sandbox) { server, _ in
      let base = try #require(URL(string: "http://127.0.0.1:\(server.port)/sandbox/v1"))
      let response = try await HTTPTransport(baseURL: base).send(
        HTTPRequest(method: .get, path: "/"))
      #expect(response.status == 404)
    }
  }
}
