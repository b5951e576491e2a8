import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

/// Paths and queries as they arrive on the wire: the server decodes them itself, so a
/// `%00` cannot cut a path short and a `%2F` cannot turn an item into its collection.
@Suite struct ServerPathTests {
  /// Sends `GET target` on a bare socket and returns the status and the parsed body.
  private func get(_ target: String, token: String, port: UInt16) throws -> (Int, JSONValue) {
    let reply = try RawClient.exchange(
      port: port,
      "GET \(target) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
        + "Connection: close\r\n\r\n")
    let status = Int(reply.dropFirst(9).prefix(3)) ?? 0
    let body = reply.components(separatedBy: "\r\n\r\n").dropFirst().joined()
    return (status, (try? JSONValue.parse(body)) ?? .null)
  }

  @Test(
    "encoded control characters and slashes never reach a collection",
    arguments: [
      ("/v5/devices/%00", 400, "VX018"), ("/v5/devices/%1b%5b2J", 400, "VX018"),
      ("/v5/devices/%2500", 400, "VX018"), ("/v5/devices/%2F", 404, "NF002"),
      ("/v5/devices/", 404, "NF002"), ("/v5//devices", 404, "NF002"),
      ("/v5/devices/%00/restart", 400, "VX018"),
    ])
  func badPathsAreRefused(target: String, status: Int, code: String) throws {
    let harness = try Harness()
    _ = try harness.sandbox.addDevices(count: 2)
    let server = SandboxHTTPServer(responder: harness.sandbox)
    try server.start()
    defer { server.stop() }
    let (answered, body) = try get(target, token: harness.token, port: server.port)
    #expect(answered == status)
    #expect(body["data"] == nil)
    #expect(body["errors"]?.arrayValue?.first?["code"]?.stringValue == code)
  }

  @Test func wellFormedPathsStillReachTheirResources() throws {
    let harness = try Harness()
    let device = try harness.sandbox.addDevices(count: 1)[0]
    let server = SandboxHTTPServer(responder: harness.sandbox)
    try server.start()
    defer { server.stop() }
    let mac = device.macAddress.replacingOccurrences(of: ":", with: "%3A")
    let (status, body) = try get("/v5/devices/\(mac)", token: harness.token, port: server.port)
    #expect(status == 200)
    #expect(body["data"]?["id"]?.stringValue == device.id)
    let (listed, list) = try get("/v5/devices", token: harness.token, port: server.port)
    #expect(listed == 200)
    #expect(list["data"]?.arrayValue?.count == 1)
  }

  @Test func pathAndQueryAreDecodedOnceOnTheWayIn() async throws {
    let responder = FakeResponder()
    try await withServer(responder) { server, _ in
      _ = try RawClient.exchange(
        port: server.port,
        "GET /v5/devices/0c%3A2a/%252F?filter%5Bname%5D=a+b%2Bc%26d&page[size]=5 HTTP/1.1\r\n"
          + "Host: x\r\nConnection: close\r\n\r\n")
    }
    let seen = try #require(responder.requests.first)
    #expect(seen.path == "/devices/0c:2a/%2F")
    #expect(seen.query.map(\.name) == ["filter[name]", "page[size]"])
    #expect(seen.query.map(\.value) == ["a b+c&d", "5"])
  }
}
