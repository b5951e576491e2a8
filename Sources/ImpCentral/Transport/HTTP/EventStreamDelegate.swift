import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Receives one event stream's bytes from URLSession and turns them into events.
///
/// `open(_:)` waits for the response head: a 2xx status opens the stream, any other
/// status fails with `TransportError.status` carrying the whole response. After that,
/// events go to the continuation; the end of the body finishes it and a broken connection
/// fails it.
final class EventStreamDelegate: NSObject, URLSessionDataDelegate, Sendable {
  private enum Phase {
    case opening
    case streaming
    case refused(status: Int, headers: HTTPHeaders, body: Data)
    case done
  }

  private struct State {
    var phase = Phase.opening
    var opened: CheckedContinuation<Void, any Error>?
    var openResult: Result<Void, TransportError>?
    var parser = ServerSentEventParser()
  }

  private let continuation: AsyncThrowingStream<ServerSentEvent, any Error>.Continuation
  private let url: URL?
  private let state = Mutex(State())

  /// Creates a delegate that feeds `continuation` with the stream from `url`.
  init(continuation: AsyncThrowingStream<ServerSentEvent, any Error>.Continuation, url: URL?) {
    self.continuation = continuation
    self.url = url
  }

  /// Waits until the response head arrives, or the request fails before it does.
  func waitUntilOpen() async throws {
    try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<Void, any Error>) in
      let early = state.withLock { state in
        if state.openResult == nil { state.opened = waiter }
        return state.openResult
      }
      if let early { waiter.resume(with: early.mapError { $0 as any Error }) }
    }
  }

  /// Opens the stream on a 2xx head; otherwise starts collecting the refusal's body.
  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    let http = response as? HTTPURLResponse
    let status = http?.statusCode ?? 0
    if (200..<300).contains(status) {
      state.withLock { $0.phase = .streaming }
      resolveOpen(.success(()))
    } else {
      let headers = http.map(HTTPTransport.headers(of:)) ?? HTTPHeaders()
      state.withLock { $0.phase = .refused(status: status, headers: headers, body: Data()) }
    }
    completionHandler(.allow)
  }

  /// Parses a piece of the stream and passes on the events it completes.
  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    let events = state.withLock { state -> [ServerSentEvent] in
      switch state.phase {
      case .streaming:
        return state.parser.feed(data)
      case .refused(let status, let headers, let body):
        state.phase = .refused(status: status, headers: headers, body: body + data)
        return []
      case .opening, .done:
        return []
      }
    }
    for event in events { continuation.yield(event) }
  }

  /// Ends the stream, or fails the opening when the stream never opened.
  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
    let phase = state.withLock { state in
      defer { state.phase = .done }
      return state.phase
    }
    let failure = error.map { HTTPTransport.transportError(from: $0, url: url) }
    switch phase {
    case .opening:
      resolveOpen(.failure(failure ?? .connectionFailed(Self.noResponse(url))))
    case .refused(let status, let headers, let body):
      resolveOpen(.failure(.status(HTTPResponse(status: status, headers: headers, body: body))))
    case .streaming:
      end(with: failure)
    case .done:
      break
    }
  }

  private func end(with failure: TransportError?) {
    switch failure {
    case nil, .cancelled?: continuation.finish()
    case let failure?: continuation.finish(throwing: failure)
    }
  }

  private func resolveOpen(_ result: Result<Void, TransportError>) {
    let waiter = state.withLock { state in
      defer { state.opened = nil }
      if state.openResult == nil { state.openResult = result }
      return state.opened
    }
    waiter?.resume(with: result.mapError { $0 as any Error })
    if case .failure(let failure) = result { continuation.finish(throwing: failure) }
  }

  private static func noResponse(_ url: URL?) -> String {
    "cannot reach \(HTTPTransport.place(of: url)): the connection closed without a response"
  }
}
