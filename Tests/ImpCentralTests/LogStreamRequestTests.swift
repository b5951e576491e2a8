import Foundation
import Testing

@testable import ImpCentral

@Suite struct LogStreamRequestTests {
  @Test func createAddAndRemoveUseTheLogStreamPaths() async throws {
    let (client, transport) = echoClient()
    let stream = try await client.createLogStream(format: .json)
    #expect(transport.last?.method == .post)
    #expect(transport.last?.path == "/logstream")
    #expect(transport.last?.queryPairs == ["format=json"])
    #expect(transport.last?.headers["Authorization"] != nil)
    #expect(stream.id == "new-id")

    try await client.addDevice("0c:2a:69:05:0d:62", toLogStream: stream.id)
    #expect(transport.last?.method == .put)
    #expect(transport.last?.path == "/logstream/new-id/0c:2a:69:05:0d:62")

    try await client.removeDevice(Fixtures.deviceID, fromLogStream: stream.id)
    #expect(transport.last?.method == .delete)
    #expect(transport.last?.path == "/logstream/new-id/\(Fixtures.deviceID)")
  }

  @Test func eventsOpenWithoutBearerAndArriveTyped() async throws {
    let transport = FakeTransport(events: {
      AsyncThrowingStream { continuation in
        continuation.yield(ServerSentEvent(event: "state_change", data: #"{"state":"opened"}"#))
        continuation.yield(
          ServerSentEvent(
            data:
              #"{"device_id":"d1","ts":"2018-01-22T19:49:30.423Z","log_type":"development","type":"server.log","msg":"Hello"}"#
          ))
        continuation.finish()
      }
    })
    let client = makeClient(transport)

    var events: [LogStreamEvent] = []
    for try await event in try await client.logStreamEvents("s1", format: .json) {
      events.append(event)
    }

    let request = try #require(transport.eventRequests.last)
    #expect(request.method == .get)
    #expect(request.path == "/logstream/s1")
    #expect(request.queryPairs == ["format=json"])
    #expect(request.headers["Authorization"] == nil)
    #expect(request.headers["Accept"] == "text/event-stream")
    #expect(events.count == 2)
    #expect(events.first == .stateChange(LogStreamStateChange(state: .opened)))
    guard case .message(let entry) = events.last else {
      Issue.record("expected a message")
      return
    }
    #expect(entry.msg == "Hello")
  }

  @Test func refusedStreamBecomesAnAPIError() async {
    let refusal = Fixtures.response(
      404, Fixtures.errorDocument(404, "Not Found", "No such stream."))
    let transport = FakeTransport(events: { throw TransportError.status(refusal) })
    let client = makeClient(transport)
    let error = await captureError { _ = try await client.logStreamEvents("gone") }
    #expect(error?.id == .notFound)
    #expect(error?.message == "impCentral refused the request: Not Found: No such stream.")
  }

  @Test func streamFailureMidwayEndsTheSequenceWithAClientError() async throws {
    let transport = FakeTransport(events: {
      AsyncThrowingStream { continuation in
        continuation.yield(ServerSentEvent(event: "state_change", data: #"{"state":"opened"}"#))
        continuation.finish(throwing: TransportError.connectionFailed("reset by peer"))
      }
    })
    let client = makeClient(transport)
    var seen = 0
    let error = await captureError {
      for try await _ in try await client.logStreamEvents("s1") { seen += 1 }
    }
    #expect(seen == 1)
    #expect(error?.id == .connectionFailed)
    #expect(error?.message.contains("reset by peer") == true)
  }
}
