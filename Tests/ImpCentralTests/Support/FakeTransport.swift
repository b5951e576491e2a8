import Foundation
import Synchronization

@testable import ImpCentral

/// A transport that records every request and answers from a script.
///
/// Answers come from a queue when one is set, otherwise from the closure; an empty queue
/// with no closure answers 500 so a missing script fails loudly.
final class FakeTransport: Transport {
  /// One scripted answer.
  enum Reply: Sendable {
    case response(HTTPResponse)
    case failure(TransportError)
    case cancellation
  }

  private struct State {
    var requests: [HTTPRequest] = []
    var replies: [Reply] = []
    var eventRequests: [HTTPRequest] = []
  }

  private let state = Mutex(State())
  private let handler: (@Sendable (HTTPRequest) -> Reply)?
  private let events: (@Sendable () throws -> AsyncThrowingStream<ServerSentEvent, any Error>)?

  init(
    _ replies: [Reply] = [],
    handler: (@Sendable (HTTPRequest) -> Reply)? = nil,
    events: (@Sendable () throws -> AsyncThrowingStream<ServerSentEvent, any Error>)? = nil
  ) {
    state.withLock { $0.replies = replies }
    self.handler = handler
    self.events = events
  }

  /// Every request sent so far, oldest first.
  var requests: [HTTPRequest] { state.withLock { $0.requests } }

  /// Every event-stream request so far.
  var eventRequests: [HTTPRequest] { state.withLock { $0.eventRequests } }

  /// The last request sent.
  var last: HTTPRequest? { requests.last }

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    let reply = state.withLock { state -> Reply? in
      state.requests.append(request)
      return state.replies.isEmpty ? nil : state.replies.removeFirst()
    }
    switch reply ?? handler?(request) ?? .response(HTTPResponse(status: 500)) {
    case .response(let response): return response
    case .failure(let error): throw error
    case .cancellation: throw CancellationError()
    }
  }

  func events(
    _ request: HTTPRequest
  ) async throws -> AsyncThrowingStream<ServerSentEvent, any Error> {
    state.withLock { $0.eventRequests.append(request) }
    guard let events else { throw TransportError.connectionFailed("no events scripted") }
    return try events()
  }
}

/// A sleeper that returns at once and remembers what it was asked to wait.
final class RecordingSleeper: Sleeper {
  private let waits = Mutex<[Double]>([])
  private let cancels: Bool

  init(cancels: Bool = false) {
    self.cancels = cancels
  }

  /// The waits asked for, in order.
  var recorded: [Double] { waits.withLock { $0 } }

  func sleep(seconds: Double) async throws {
    waits.withLock { $0.append(seconds) }
    if cancels { throw CancellationError() }
  }
}

/// Collects values handed to a `@Sendable` callback.
final class Collector<Value: Sendable>: Sendable {
  private let values = Mutex<[Value]>([])

  func add(_ value: Value) { values.withLock { $0.append(value) } }

  var all: [Value] { values.withLock { $0 } }
}
