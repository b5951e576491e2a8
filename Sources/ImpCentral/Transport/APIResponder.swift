/// Something that answers impCentral API requests synchronously: the sandbox.
///
/// The in-process transport and the HTTP server both put a responder behind their own
/// front; the responder is where the API's rules live.
public protocol APIResponder: Sendable {
  /// Answers one request. Never throws: every failure is an error document.
  func respond(to request: HTTPRequest) -> HTTPResponse

  /// Opens the event stream a `GET /logstream/{id}` asks for, or answers with an error.
  func openEvents(_ request: HTTPRequest) -> EventChannelResult
}

/// The outcome of opening an event stream.
public enum EventChannelResult: Sendable {
  case channel(any EventChannel)
  case response(HTTPResponse)
}

/// One reader's end of a server-sent-event stream, read by blocking calls.
///
/// The HTTP server reads it from a connection thread; the in-process transport reads it
/// from a detached task. `next` must return within about `timeout` so readers can notice
/// that their client went away.
public protocol EventChannel: AnyObject, Sendable {
  /// Waits up to `timeout` seconds for the next event.
  func next(timeout: Double) -> EventChannelItem
  /// Ends the stream from the reader's side; later `next` calls return `.closed`.
  func close()
}

/// What an event channel yields.
public enum EventChannelItem: Sendable, Equatable {
  case event(ServerSentEvent)
  case timedOut
  case closed
}
