import Foundation
import Glibc
import ImpCentral
import ImpCentralSandbox
import Synchronization
import Testing

/// A responder whose event streams come from `channel`; other requests get 200.
private func streaming(_ channel: FakeChannel) -> FakeResponder {
  FakeResponder(opener: { _ in .channel(channel) })
}

private let streamRequest = HTTPRequest(
  method: .get, path: "/logstream/s1", query: [URLQueryItem(name: "format", value: "json")])

@Suite struct ServerEventStreamTests {
  @Test func eventsArriveInOrderWithMultiLineDataAndWithoutKeepalives() async throws {
    let channel = FakeChannel()
    let sent = [
      ServerSentEvent(event: "state_change", data: #"{"state":"opened"}"#),
      ServerSentEvent(data: "line one\nline two"),
      ServerSentEvent(id: "3", data: "third"),
    ]
    try await withServer(streaming(channel)) { _, transport in
      let events = try await transport.events(streamRequest)
      channel.send(sent[0])
      try await Task.sleep(for: .milliseconds(1200))  // lets at least one keepalive pass
      channel.send(sent[1])
      channel.send(sent[2])
      channel.finish()
      let received = try await withDeadline(seconds: 10) {
        try await events.reduce(into: []) { $0.append($1) }
      }
      #expect(received == sent)
    }
  }

  @Test func streamRequestReachesTheResponderWithItsQuery() async throws {
    let channel = FakeChannel()
    let responder = streaming(channel)
    try await withServer(responder) { _, transport in
      _ = try await transport.events(streamRequest)
      channel.finish()
    }
    let seen = try #require(responder.requests.first)
    #expect(seen.path == "/logstream/s1")
    #expect(seen.queryValue("format") == "json")
    #expect(seen.headers["Accept"] == "text/event-stream")
  }

  @Test func clientLeavingTheStreamClosesTheServerChannel() async throws {
    let channel = FakeChannel()
    try await withServer(streaming(channel)) { _, transport in
      channel.send(ServerSentEvent(data: "first"))
      let first = try await firstEvent(of: try await transport.events(streamRequest))
      #expect(first?.data == "first")
      #expect(await eventually { channel.wasClosed })
      let response = try await transport.send(HTTPRequest(method: .get, path: "/products"))
      #expect(response.status == 200)
    }
  }

  @Test func cancellingTheReadingTaskClosesTheServerChannel() async throws {
    let channel = FakeChannel()
    try await withServer(streaming(channel)) { _, transport in
      let events = try await transport.events(streamRequest)
      let reader = Task {
        for try await _ in events {}
      }
      try await Task.sleep(for: .milliseconds(100))
      reader.cancel()
      #expect(await eventually { channel.wasClosed })
    }
  }

  @Test func clientVanishingFromTheSocketClosesTheChannelAndReleasesIt() async throws {
    var channel: FakeChannel? = FakeChannel()
    weak let watched = channel
    let pool = ChannelPool([channel!])
    channel = nil
    try await withServer(FakeResponder(opener: { _ in pool.take() })) { server, transport in
      let socket = try RawClient.open(
        port: server.port, sending: "GET /v5/logstream/s1 HTTP/1.1\r\nHost: x\r\n\r\n")
      #expect(await eventually { server.streamCount == 1 })
      close(socket)
      #expect(await eventually { watched?.wasClosed ?? true })
      #expect(await eventually { watched == nil && server.streamCount == 0 })
      let response = try await transport.send(HTTPRequest(method: .get, path: "/products"))
      #expect(response.status == 200)
    }
  }

  @Test func serverEndingTheStreamEndsTheClientSequence() async throws {
    let channel = FakeChannel()
    try await withServer(streaming(channel)) { _, transport in
      let events = try await transport.events(streamRequest)
      channel.finish()
      let count = try await withDeadline(seconds: 10) {
        try await events.reduce(0) { count, _ in count + 1 }
      }
      #expect(count == 0)
    }
  }

  @Test func refusedStreamThrowsTheStatusWithItsBody() async throws {
    let refusal = HTTPResponse(
      status: 404, headers: jsonAPIHeaders,
      body: jsonBody(#"{"errors":[{"status":"404","title":"Not Found","detail":"no stream"}]}"#))
    let responder = FakeResponder(opener: { _ in .response(refusal) })
    try await withServer(responder) { _, transport in
      await #expect(throws: TransportError.self) {
        _ = try await transport.events(streamRequest)
      }
      do {
        _ = try await transport.events(streamRequest)
      } catch let TransportError.status(response) {
        #expect(response.status == 404)
        #expect(response.body == refusal.body)
        #expect(response.headers["Content-Type"] == "application/vnd.api+json")
      }
    }
  }

  @Test func stoppingTheServerWithOpenStreamsReturnsAndEndsThem() async throws {
    let channels = [FakeChannel(), FakeChannel(), FakeChannel()]
    let pool = ChannelPool(channels)
    let server = SandboxHTTPServer(responder: FakeResponder(opener: { _ in pool.take() }))
    try server.start()
    let transport = HTTPTransport(baseURL: server.baseURL)
    var streams: [AsyncThrowingStream<ServerSentEvent, any Error>] = []
    for _ in channels { streams.append(try await transport.events(streamRequest)) }
    try await withDeadline(seconds: 10) { server.stop() }
    #expect(channels.allSatisfy { $0.wasClosed })
    for events in streams {
      let ended = try await withDeadline(seconds: 10) {
        try await events.reduce(0) { count, _ in count + 1 }
      }
      #expect(ended == 0)
    }
  }

  @Test func streamThatBreaksMidwayFailsWithConnectionFailed() async throws {
    let head =
      "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
      + "Transfer-Encoding: chunked\r\n\r\n"
    let event = "data: before the break\n\n"
    let chunk = String(event.utf8.count, radix: 16) + "\r\n" + event + "\r\n"
    let server = try OneShotServer(reply: head + chunk)
    let transport = HTTPTransport(baseURL: server.baseURL)
    let events = try await transport.events(streamRequest)
    let outcome = try await withDeadline(seconds: 10) {
      var received: [String] = []
      do {
        for try await event in events { received.append(event.data) }
      } catch {
        return (received, error as? TransportError)
      }
      return (received, nil)
    }
    #expect(outcome.0 == ["before the break"])
    guard case .connectionFailed(let message)? = outcome.1 else {
      Issue.record("expected a connection failure, got \(String(describing: outcome.1))")
      return
    }
    #expect(message.contains("127.0.0.1"))
  }

  @Test func connectionClosedBeforeTheHeadFailsTheOpening() async throws {
    let server = try OneShotServer(reply: "")
    let transport = HTTPTransport(baseURL: server.baseURL)
    do {
      _ = try await transport.events(streamRequest)
      Issue.record("expected the opening to fail")
    } catch {
      guard case .connectionFailed = error as? TransportError else {
        Issue.record("expected a connection failure, got \(error)")
        return
      }
    }
  }
}

/// The first event of `events`; the stream is released when this returns.
private func firstEvent(
  of events: AsyncThrowingStream<ServerSentEvent, any Error>
) async throws -> ServerSentEvent? {
  try await withDeadline(seconds: 10) {
    for try await event in events { return event }
    return nil
  }
}

/// Hands out one prepared channel per stream request.
final class ChannelPool: Sendable {
  private let channels: Mutex<[FakeChannel]>

  init(_ channels: [FakeChannel]) { self.channels = Mutex(channels) }

  func take() -> EventChannelResult {
    channels.withLock { channels in
      channels.isEmpty ? .response(HTTPResponse(status: 409)) : .channel(channels.removeFirst())
    }
  }
}
