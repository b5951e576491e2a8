import Foundation
import ImpCentral
import ImpCentralSandbox
import Testing

/// The first error of an impCentral error document.
private func firstError(_ body: Data) throws -> JSONValue {
  let document = try JSONValue.parse(body)
  return try #require(document["errors"]?.arrayValue?.first)
}

@Suite struct ServerRejectionTests {
  @Test func bodyOverTheLimitIsRefusedWith413() async throws {
    let responder = FakeResponder()
    let options = SandboxHTTPServer.Options(maxBodyBytes: 1000)
    try await withServer(responder, options: options) { _, transport in
      let response = try await transport.send(
        HTTPRequest(
          method: .post, path: "/products", headers: jsonAPIHeaders, body: Data(count: 5000)))
      #expect(response.status == 413)
      #expect(try firstError(response.body)["status"] == "413")
    }
    #expect(responder.requests.isEmpty)
  }

  @Test func hugeBodyGets413AtTheDefaultLimitAndTheConnectionRecovers() async throws {
    let responder = FakeResponder()
    try await withServer(responder) { _, transport in
      let response = try await transport.send(
        HTTPRequest(
          method: .put, path: "/products/p1", headers: jsonAPIHeaders,
          body: Data(count: 20_000_000)))
      #expect(response.status == 413)
      let next = try await transport.send(HTTPRequest(method: .get, path: "/products"))
      #expect(next.status == 200)
    }
    #expect(responder.requests.map(\.path) == ["/products"])
  }

  @Test func chunkedBodyOverTheLimitIsRefusedWith413() throws {
    let responder = FakeResponder()
    let server = SandboxHTTPServer(
      responder: responder, options: .init(maxBodyBytes: 1000))
    try server.start()
    defer { server.stop() }
    let chunk = String(repeating: "x", count: 800)
    let chunked = "320\r\n\(chunk)\r\n320\r\n\(chunk)\r\n0\r\n\r\n"
    let reply = try RawClient.exchange(
      port: server.port,
      "POST /v5/products HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunked)
    #expect(reply.hasPrefix("HTTP/1.1 413"))
    #expect(responder.requests.isEmpty)
  }

  @Test(
    "bodies of other types are refused with 415",
    arguments: ["text/plain", "application/x-www-form-urlencoded", "application/xml"])
  func otherBodyTypesAreRefused(type: String) async throws {
    let responder = FakeResponder()
    try await withServer(responder) { _, transport in
      let response = try await transport.send(
        HTTPRequest(
          method: .post, path: "/products", headers: ["Content-Type": type],
          body: jsonBody("{}")))
      #expect(response.status == 415)
      let error = try firstError(response.body)
      #expect(error["title"] == "Unsupported Media Type")
      #expect(error["detail"]?.stringValue?.contains("'\(type)'") == true)
    }
    #expect(responder.requests.isEmpty)
  }

  @Test(
    "JSON bodies are accepted with or without parameters",
    arguments: ["application/json", "application/vnd.api+json", "application/json; charset=utf-8"])
  func jsonBodyTypesAreAccepted(type: String) async throws {
    try await withServer(FakeResponder()) { _, transport in
      let response = try await transport.send(
        HTTPRequest(
          method: .post, path: "/auth", headers: ["Content-Type": type], body: jsonBody("{}")))
      #expect(response.status == 200)
    }
  }

  @Test(
    "paths outside /v5 are refused with 404",
    arguments: ["/", "/v4/products", "/v5products", "/favicon.ico"])
  func pathsOutsideTheAPIAreRefused(path: String) throws {
    let responder = FakeResponder()
    let server = SandboxHTTPServer(responder: responder)
    try server.start()
    defer { server.stop() }
    let reply = try RawClient.exchange(
      port: server.port, "GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    #expect(reply.hasPrefix("HTTP/1.1 404"))
    #expect(reply.contains(#""status":"404""#))
    #expect(responder.requests.isEmpty)
  }

  @Test("other methods are refused with 405", arguments: ["HEAD", "OPTIONS", "TRACE", "BREW"])
  func otherMethodsAreRefused(method: String) throws {
    let server = SandboxHTTPServer(responder: FakeResponder())
    try server.start()
    defer { server.stop() }
    let reply = try RawClient.exchange(
      port: server.port, "\(method) /v5/products HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    #expect(reply.hasPrefix("HTTP/1.1 405"))
    #expect(reply.lowercased().contains("allow: get, post, put, patch, delete"))
  }

  @Test(
    "garbage requests get an error or a closed connection and the server keeps serving",
    arguments: [
      "\u{0}\u{1}\u{2}garbage\r\n\r\n", "GET\r\n\r\n", "GET /v5/x HTTP/9.9\r\n\r\n",
      "GET /v5/x HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
      "GET /v5/x HTTP/1.1\r\nHost x\r\n\r\n",
      "POST /v5/x HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc",
    ])
  func garbageDoesNotStopTheServer(garbage: String) async throws {
    try await withServer(FakeResponder()) { server, transport in
      let reply = try RawClient.exchange(port: server.port, garbage, halfClose: true)
      #expect(reply.isEmpty || reply.hasPrefix("HTTP/1.1 4") || reply.hasPrefix("HTTP/1.1 5"))
      let response = try await transport.send(HTTPRequest(method: .get, path: "/products"))
      #expect(response.status == 200)
    }
  }

  @Test func serverListensOnlyOnLoopbackByDefault() throws {
    let server = SandboxHTTPServer(responder: FakeResponder())
    try server.start()
    defer { server.stop() }
    #expect(server.baseURL.absoluteString == "http://127.0.0.1:\(server.port)/v5")
    #expect(RawClient.listeningAddresses(port: server.port) == ["127.0.0.1"])
  }

  @Test func serverListensOnAnotherInterfaceOnlyWhenAsked() throws {
    let server = SandboxHTTPServer(responder: FakeResponder(), options: .init(host: "0.0.0.0"))
    try server.start()
    defer { server.stop() }
    #expect(RawClient.listeningAddresses(port: server.port) == ["0.0.0.0"])
  }

  @Test func startingOnAPortInUseFailsWithAClearError() throws {
    let first = SandboxHTTPServer(responder: FakeResponder())
    try first.start()
    defer { first.stop() }
    let second = SandboxHTTPServer(responder: FakeResponder(), options: .init(port: first.port))
    #expect(throws: SandboxServerError.self) { try second.start() }
    #expect(!second.isRunning)
  }
}
