import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

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
    var urlRequest = try makeURLRequest(for: request, timeout: eventStreamIdleTimeout)
    if request.headers["Accept"] == nil {
      urlRequest.setValue("text/event-stream", forHTTPHeaderField: "Accept")
    }
    let (stream, continuation) = AsyncThrowingStream.makeStream(of: ServerSentEvent.self)
    let delegate = EventStreamDelegate(continuation: continuation, url: urlRequest.url)
    let session = URLSession(
      configuration: Self.configuration(timeout: eventStreamIdleTimeout), delegate: delegate,
      delegateQueue: nil)
    let task = session.dataTask(with: urlRequest)
    continuation.onTermination = { _ in
      task.cancel()
      session.invalidateAndCancel()
    }
    try await open(task, delegate: delegate, continuation: continuation)
    return stream
  }

  private func open(
    _ task: URLSessionDataTask, delegate: EventStreamDelegate,
    continuation: AsyncThrowingStream<ServerSentEvent, any Error>.Continuation
  ) async throws {
    do {
      try await withTaskCancellationHandler {
        try Task.checkCancellation()
        task.resume()
        try await delegate.waitUntilOpen()
      } onCancel: {
        task.cancel()
      }
    } catch {
      let failure = Self.transportError(from: error, url: task.originalRequest?.url)
      continuation.finish(throwing: failure)
      throw failure
    }
  }
}
