import Foundation

extension HTTPTransport {
  /// Opens a server-sent-event stream and returns once the service has accepted it.
  ///
  /// Throws `TransportError.status` with the whole response when the service refuses the
  /// stream. The events end when the service ends the stream and fail with
  /// `.connectionFailed` when the connection breaks; leaving the `for await` loop closes
  /// the connection.
  public func events(
    _ request: HTTPRequest
  ) async throws -> AsyncThrowingStream<ServerSentEvent, any Error> {
    var request = request
    if request.headers["Accept"] == nil { request.headers["Accept"] = "text/event-stream" }
    let (stream, continuation) = AsyncThrowingStream.makeStream(of: ServerSentEvent.self)
    let feeder = EventFeeder(continuation)
    do {
      try Task.checkCancellation()
      let transfer = try CurlTransfer(
        request, url: try url(for: request), idleTimeout: eventStreamIdleTimeout,
        acceptsEncoding: false, receiver: feeder)
      let engine = self.engine
      continuation.onTermination = { _ in engine.cancel(transfer) }
      try await engine.perform(transfer, until: feeder.opened)
    } catch {
      let failure = Self.transportError(from: error)
      continuation.finish(throwing: failure)
      throw failure
    }
    return stream
  }
}

/// Turns a stream's bytes into events; settles `opened` when the head arrives.
///
/// A 2xx head opens the stream; any other status collects the body and fails the opening
/// with `TransportError.status`. The end of the body finishes the events, a broken
/// connection fails them.
private final class EventFeeder: CurlReceiver, @unchecked Sendable {
  // Safe: `phase` and `parser` are touched only on the engine's thread, by the receiver
  // calls; `opened` and `continuation` are Sendable.
  private enum Phase {
    case opening
    case streaming
    case refused(HTTPResponse)
  }

  let opened = PendingResult<Void>()
  private let continuation: AsyncThrowingStream<ServerSentEvent, any Error>.Continuation
  private var phase = Phase.opening
  private var parser = ServerSentEventParser()

  init(_ continuation: AsyncThrowingStream<ServerSentEvent, any Error>.Continuation) {
    self.continuation = continuation
  }

  func head(status: Int, headers: HTTPHeaders) {
    if (200..<300).contains(status) {
      phase = .streaming
      opened.resolve(.success(()))
    } else {
      phase = .refused(HTTPResponse(status: status, headers: headers))
    }
  }

  func body(_ bytes: UnsafeRawBufferPointer) {
    switch phase {
    case .streaming:
      for event in parser.feed(bytes) { continuation.yield(event) }
    case .refused(var response):
      response.body.append(contentsOf: bytes)
      phase = .refused(response)
    case .opening:
      break
    }
  }

  func end(_ outcome: Result<Void, TransportError>) {
    switch (phase, outcome) {
    case (.streaming, .success), (.streaming, .failure(.cancelled)):
      continuation.finish()
    case (.streaming, .failure(let failure)):
      continuation.finish(throwing: failure)
    case (.refused(let response), _):
      fail(.status(response))
    case (.opening, .failure(let failure)):
      fail(failure)
    case (.opening, .success):
      fail(.connectionFailed("the stream ended before it opened"))
    }
  }

  private func fail(_ failure: TransportError) {
    opened.resolve(.failure(failure))
    continuation.finish(throwing: failure)
  }
}
