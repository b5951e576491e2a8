import Foundation

/// Hands requests to a responder in the same process, as if they had crossed a network.
///
/// Requests and responses keep their encoded bodies, so every command exercises the same
/// JSON encoding, decoding and error paths as it does against impCentral.
public struct InProcessTransport: Transport {
  private let responder: any APIResponder

  /// Creates a transport in front of `responder`.
  public init(responder: any APIResponder) {
    self.responder = responder
  }

  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    try Task.checkCancellation()
    return responder.respond(to: request)
  }

  public func events(
    _ request: HTTPRequest
  ) async throws -> AsyncThrowingStream<ServerSentEvent, any Error> {
    switch responder.openEvents(request) {
    case .response(let response):
      throw TransportError.status(response)
    case .channel(let channel):
      return Self.stream(from: channel)
    }
  }

  private static func stream(
    from channel: any EventChannel
  ) -> AsyncThrowingStream<ServerSentEvent, any Error> {
    AsyncThrowingStream { continuation in
      let reader = Thread {
        while true {
          switch channel.next(timeout: 0.25) {
          case .event(let event):
            if case .terminated = continuation.yield(event) { return }
          case .timedOut:
            continue
          case .closed:
            continuation.finish()
            return
          }
        }
      }
      continuation.onTermination = { _ in channel.close() }
      reader.start()
    }
  }
}
