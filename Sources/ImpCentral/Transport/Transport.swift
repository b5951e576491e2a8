/// Carries impCentral API requests to a service and brings back its responses.
///
/// The HTTP transport talks to impCentral (or `imptsh --serve`) over the network; the
/// in-process transport hands the same requests to the sandbox. Both see identical bytes.
public protocol Transport: Sendable {
  /// Sends one request and returns the service's response, whatever its status.
  ///
  /// Throws only when no response arrived (connection failure, cancellation, time-out).
  func send(_ request: HTTPRequest) async throws -> HTTPResponse

  /// Opens a server-sent-event stream (`GET /logstream/{id}`).
  ///
  /// Returns the events as they arrive; an HTTP error status becomes `TransportError.status`.
  func events(_ request: HTTPRequest) async throws -> AsyncThrowingStream<
    ServerSentEvent, any Error
  >
}

/// A failure to exchange a request and response with the service.
public enum TransportError: Error, Sendable, Equatable {
  /// The connection could not be made or broke before a response arrived.
  case connectionFailed(String)
  /// No response arrived within the time allowed.
  case timedOut
  /// The caller cancelled the request (Ctrl-C).
  case cancelled
  /// An event stream was refused with this response.
  case status(HTTPResponse)
}
