import Foundation
import ImpCentral
import ImpCentralSandbox
import Testing

/// Echoes what the server built from the request back in headers and body.
private let echo = FakeResponder { request in
  var headers: HTTPHeaders = ["Content-Type": "application/vnd.api+json", "X-Path": request.path]
  headers["X-Method"] = request.method.rawValue
  headers["X-Query"] = request.query.map { "\($0.name)=\($0.value ?? "-")" }
    .joined(separator: "&")
  return HTTPResponse(status: 200, headers: headers, body: request.body ?? Data())
}

@Suite struct ServerRoundTripTests {
  @Test func getCarriesPathAndBracketedQueryInOrder() async throws {
    try await withServer(echo) { _, transport in
      let request = HTTPRequest(
        method: .get, path: "/devices",
        query: [
          URLQueryItem(name: "filter[devicegroup.id]", value: "dg 1"),
          URLQueryItem(name: "page[size]", value: "100"),
          URLQueryItem(name: "filter[tags]", value: "a+b,c"),
        ])
      let response = try await transport.send(request)
      #expect(response.status == 200)
      #expect(response.headers["x-path"] == "/devices")
      #expect(
        response.headers["X-Query"]
          == "filter[devicegroup.id]=dg 1&page[size]=100&filter[tags]=a+b,c")
    }
  }

  @Test(
    "methods carry JSON bodies both ways",
    arguments: [HTTPMethod.post, .patch, .put, .delete])
  func methodsCarryJSONBodies(method: HTTPMethod) async throws {
    let body = jsonBody(#"{"data":{"type":"device","id":"234776801163a9ee"}}"#)
    try await withServer(echo) { _, transport in
      let response = try await transport.send(
        HTTPRequest(method: method, path: "/products/p1", headers: jsonAPIHeaders, body: body))
      #expect(response.status == 200)
      #expect(response.headers["X-Method"] == method.rawValue)
      #expect(response.body == body)
    }
  }

  @Test func bodilessPostArrivesWithoutBodyButWithContentType() async throws {
    let responder = FakeResponder { _ in HTTPResponse(status: 204) }
    try await withServer(responder) { _, transport in
      let response = try await transport.send(
        HTTPRequest(method: .post, path: "/devices/d1/restart", headers: jsonAPIHeaders))
      #expect(response.status == 204)
      #expect(response.body.isEmpty)
    }
    let seen = try #require(responder.requests.first)
    #expect(seen.body == nil)
    #expect(seen.headers["content-type"] == "application/vnd.api+json")
  }

  @Test func requestHeadersReachTheResponderAndResponseHeadersTheClient() async throws {
    let responder = FakeResponder { _ in
      HTTPResponse(
        status: 200,
        headers: [
          "Content-Type": "application/vnd.api+json", "X-RateLimit-Limit": "40",
          "X-RateLimit-Remaining": "39", "X-RateLimit-Reset": "1",
        ])
    }
    try await withServer(responder) { _, transport in
      var headers = jsonAPIHeaders
      headers["Authorization"] = "Bearer token-123"
      headers["X-Electricimp-OTP-Token"] = "654321"
      let response = try await transport.send(
        HTTPRequest(method: .get, path: "/accounts/me", headers: headers))
      #expect(response.headers["x-ratelimit-remaining"] == "39")
      #expect(response.headers["X-RateLimit-Reset"] == "1")
      #expect(response.headers["Content-Type"] == "application/vnd.api+json")
    }
    let seen = try #require(responder.requests.first)
    #expect(seen.headers["authorization"] == "Bearer token-123")
    #expect(seen.headers["X-Electricimp-OTP-Token"] == "654321")
  }

  @Test(
    "statuses and their bodies reach the client",
    arguments: [
      (201, #"{"data":{"type":"product","id":"p1"}}"#),
      (204, ""),
      (400, #"{"errors":[{"status":"400","title":"Bad","detail":"x","code":"VX1"}]}"#),
      (404, #"{"errors":[{"status":"404","title":"Not Found","detail":"y","code":"NF1"}]}"#),
      (409, #"{"errors":[{"status":"409","title":"Duplicate Resource","detail":"z"}]}"#),
    ])
  func statusesAndBodiesReachTheClient(status: Int, text: String) async throws {
    let responder = FakeResponder { _ in
      HTTPResponse(status: status, headers: jsonAPIHeaders, body: jsonBody(text))
    }
    try await withServer(responder) { _, transport in
      let response = try await transport.send(HTTPRequest(method: .post, path: "/products"))
      #expect(response.status == status)
      #expect(String(decoding: response.body, as: UTF8.self) == text)
    }
  }

  @Test func largeBodiesArriveWhole() async throws {
    let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    try await withServer(echo) { _, transport in
      let response = try await transport.send(
        HTTPRequest(method: .post, path: "/deployments", headers: jsonAPIHeaders, body: Data(bytes))
      )
      #expect(response.body == Data(bytes))
    }
  }

  @Test func rootOfTheAPIIsServedAsSlash() async throws {
    try await withServer(echo) { _, transport in
      let response = try await transport.send(HTTPRequest(method: .get, path: "/"))
      #expect(response.headers["X-Path"] == "/")
    }
  }

  @Test func sequentialRequestsReuseOneConnection() async throws {
    try await withServer(echo) { server, transport in
      for index in 0..<50 {
        let response = try await transport.send(
          HTTPRequest(method: .get, path: "/products/p\(index)"))
        #expect(response.headers["X-Path"] == "/products/p\(index)")
      }
      #expect(server.requests.count(of: "GET /products/{id}") == 50)
      // One connection has two ends; a connection per request would leave about 100.
      #expect(RawClient.connectionEnds(port: server.port) <= 4)
    }
  }
}
