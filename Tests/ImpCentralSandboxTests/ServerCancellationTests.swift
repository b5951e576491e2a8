import Foundation
import ImpCentral
import ImpCentralSandbox
import Testing

/// A responder that holds `/slow` requests until `gate` opens (or 20 s pass).
private func slow(_ gate: Gate) -> FakeResponder {
  FakeResponder { request in
    if request.path == "/slow" { gate.wait(seconds: 20) }
    return HTTPResponse(status: 200)
  }
}

@Suite struct ServerCancellationTests {
  @Test func cancellingAnInFlightRequestThrowsCancelledAndTheServerSurvives() async throws {
    let gate = Gate()
    let responder = slow(gate)
    try await withServer(responder) { _, transport in
      let request = Task {
        try await transport.send(HTTPRequest(method: .get, path: "/slow"))
      }
      #expect(await eventually { responder.requests.count == 1 })
      request.cancel()
      let outcome = try await withDeadline(seconds: 10) { await request.result }
      #expect(throws: TransportError.cancelled) { try outcome.get() }
      gate.open()
      let response = try await transport.send(HTTPRequest(method: .get, path: "/fast"))
      #expect(response.status == 200)
    }
  }

  @Test func requestInAnAlreadyCancelledTaskIsNotSent() async throws {
    let responder = FakeResponder()
    try await withServer(responder) { _, transport in
      let request = Task {
        withUnsafeCurrentTask { $0?.cancel() }
        return try await transport.send(HTTPRequest(method: .post, path: "/products"))
      }
      await #expect(throws: TransportError.cancelled) { try await request.value }
    }
    #expect(responder.requests.isEmpty)
  }

  @Test func slowResponseBeyondTheTimeoutThrowsTimedOut() async throws {
    let gate = Gate()
    try await withServer(slow(gate), requestTimeout: 1) { _, transport in
      defer { gate.open() }
      let outcome = try await withDeadline(seconds: 15) {
        await Result { try await transport.send(HTTPRequest(method: .get, path: "/slow")) }
      }
      #expect(throws: TransportError.timedOut) { try outcome.get() }
    }
  }

  @Test func cancellingWhileAStreamOpensThrowsCancelled() async throws {
    let gate = Gate()
    let responder = FakeResponder(opener: { _ in
      gate.wait(seconds: 20)
      return .response(HTTPResponse(status: 404))
    })
    try await withServer(responder) { _, transport in
      defer { gate.open() }
      let opening = Task {
        try await transport.events(HTTPRequest(method: .get, path: "/logstream/s1"))
      }
      try await Task.sleep(for: .milliseconds(200))
      opening.cancel()
      let outcome = try await withDeadline(seconds: 10) { await opening.result }
      #expect(throws: TransportError.cancelled) { _ = try outcome.get() }
    }
  }

  @Test func refusedConnectionThrowsConnectionFailed() async throws {
    let server = SandboxHTTPServer(responder: FakeResponder())
    try server.start()
    let transport = HTTPTransport(baseURL: server.baseURL)
    server.stop()
    do {
      _ = try await transport.send(HTTPRequest(method: .get, path: "/products"))
      Issue.record("expected the request to fail")
    } catch let TransportError.connectionFailed(message) {
      #expect(message.contains("'127.0.0.1:\(transport.baseURL.port ?? 0)'"))
    }
  }
}

extension Result where Failure == any Error {
  /// The outcome of `body`.
  init(catching body: () async throws -> Success) async {
    do {
      self = .success(try await body())
    } catch {
      self = .failure(error)
    }
  }
}
