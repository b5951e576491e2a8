import Foundation
import ImpCentral
import ImpCentralSandbox
import Synchronization
import Testing

/// Keeps the records a logger sends it.
final class LogRecorder: Sendable {
  private let records = Mutex<[Logger.Record]>([])

  /// A debug logger writing here.
  var logger: Logger {
    Logger(label: "test.http", level: .debug) { record in
      self.records.withLock { $0.append(record) }
    }
  }

  /// The records so far.
  var all: [Logger.Record] { records.withLock { $0 } }
}

@Suite struct ServerRequestLogTests {
  @Test(
    "paths count under templates with ids replaced",
    arguments: [
      ("/products", "/products"),
      ("/products/4e264cef-3316-cdfa-7f39-7a5d458994b3", "/products/{id}"),
      ("/devicegroups/dg1/relationships/devices", "/devicegroups/{id}/relationships/devices"),
      ("/logstream/S7/234776801163a9ee", "/logstream/{id}/{id}"),
      ("/accounts/me/login_keys", "/accounts/me/login_keys"),
      ("/devicegroups/x9/conditional-restart", "/devicegroups/{id}/conditional-restart"),
      ("/", "/"),
    ])
  func pathsCountUnderTemplates(path: String, template: String) {
    let counter = RequestCounter()
    counter.record(method: "GET", path: path)
    #expect(counter.byTemplate == ["GET \(template)": 1])
    #expect(counter.total == 1)
  }

  @Test func counterCountsEveryAnsweredRequestIncludingRefusals() async throws {
    try await withServer(FakeResponder()) { server, transport in
      _ = try await transport.send(HTTPRequest(method: .get, path: "/products/p1"))
      _ = try await transport.send(HTTPRequest(method: .get, path: "/products/p2"))
      _ = try await transport.send(
        HTTPRequest(
          method: .post, path: "/products", headers: ["Content-Type": "text/plain"],
          body: jsonBody("x")))
      #expect(server.requests.total == 3)
      #expect(server.requests.byTemplate == ["GET /products/{id}": 2, "POST /products": 1])
      server.requests.reset()
      #expect(server.requests.total == 0)
    }
  }

  @Test func logNamesMethodPathStatusAndDurationButNoSecrets() async throws {
    let recorder = LogRecorder()
    let server = SandboxHTTPServer(
      responder: FakeResponder { _ in HTTPResponse(status: 201) }, logger: recorder.logger)
    try server.start()
    defer { server.stop() }
    let transport = HTTPTransport(baseURL: server.baseURL)
    _ = try await transport.send(
      HTTPRequest(
        method: .post, path: "/auth",
        headers: ["Content-Type": "application/json", "Authorization": "Bearer sekret-token"],
        body: jsonBody(#"{"id":"me","password":"hunter2"}"#)))
    #expect(await eventually { recorder.all.contains { $0.message == "request" } })
    let record = try #require(recorder.all.first { $0.message == "request" })
    #expect(record.level == .debug)
    #expect(record.metadata["http.method"] == "POST")
    #expect(record.metadata["http.path"] == "/v5/auth")
    #expect(record.metadata["http.status"] == "201")
    #expect(record.metadata["http.duration_ms"].flatMap(Double.init) != nil)
    let everything = recorder.all.map { "\($0.message) \($0.metadata)" }.joined()
    #expect(!everything.contains("sekret") && !everything.contains("hunter2"))
  }

  @Test func transportLogsRequestsWithoutHeadersOrBodies() async throws {
    let recorder = LogRecorder()
    try await withServer(FakeResponder { _ in HTTPResponse(status: 200) }) { server, _ in
      let transport = HTTPTransport(baseURL: server.baseURL, logger: recorder.logger)
      _ = try await transport.send(
        HTTPRequest(
          method: .post, path: "/auth/token",
          headers: ["Content-Type": "application/json", "Authorization": "Bearer sekret-token"],
          body: jsonBody(#"{"key":"login-key-secret"}"#)))
    }
    let record = try #require(recorder.all.first)
    #expect(record.metadata["http.method"] == "POST")
    #expect(record.metadata["http.path"] == "/auth/token")
    #expect(record.metadata["http.status"] == "200")
    let everything = recorder.all.map { "\($0.message) \($0.metadata)" }.joined()
    #expect(!everything.contains("sekret") && !everything.contains("login-key-secret"))
  }
}
