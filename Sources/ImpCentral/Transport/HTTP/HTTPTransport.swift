import Foundation

/// Carries API requests to impCentral, or to `imptsh --serve`, over HTTP with libcurl.
///
/// One engine serves every request and event stream of a transport, so connections are
/// reused; it waits for the network without spending CPU. Cancelling the calling task
/// (Ctrl-C) aborts the request in flight.
///
/// Method, headers and body pass through unchanged, with one catch: libcurl labels a POST
/// body without `Content-Type` as `application/x-www-form-urlencoded`, so callers set it.
/// Proxies: libcurl honours `https_proxy`/`HTTPS_PROXY`, `http_proxy` and `no_proxy` by
/// itself; `http_proxy` applies to loopback URLs too unless `no_proxy` names them.
public final class HTTPTransport: Transport {
  /// The API's base URL, such as `https://api.electricimp.com/v5`.
  public let baseURL: URL
  /// Seconds a request may wait for the service before it fails with `.timedOut`.
  public let requestTimeout: TimeInterval
  /// Seconds an event stream may stay silent before it fails with `.timedOut`.
  public let eventStreamIdleTimeout: TimeInterval
  let engine = CurlEngine()
  private let logger: Logger

  /// Creates a transport to the API at `baseURL`.
  public init(
    baseURL: URL, requestTimeout: TimeInterval = 60, eventStreamIdleTimeout: TimeInterval = 300,
    logger: Logger = .disabled
  ) {
    self.baseURL = baseURL
    self.requestTimeout = requestTimeout
    self.eventStreamIdleTimeout = eventStreamIdleTimeout
    self.logger = logger
  }

  /// Sends `request` and returns the response, whatever its status.
  ///
  /// Throws `TransportError.timedOut`, `.cancelled` or `.connectionFailed` when no
  /// complete response arrived.
  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    let started = ContinuousClock.now
    do {
      try Task.checkCancellation()
      let collector = ResponseCollector()
      let transfer = try CurlTransfer(
        request, url: try url(for: request), idleTimeout: requestTimeout,
        acceptsEncoding: true, receiver: collector)
      let result = try await engine.perform(transfer, until: collector.response)
      log(request, status: result.status, since: started)
      return result
    } catch {
      let failure = Self.transportError(from: error)
      log(request, failure: failure, since: started)
      throw failure
    }
  }

  /// Sends `request` and calls `completion` on the engine's thread when it ends.
  ///
  /// For fire-and-forget callers that must not depend on Swift concurrency's threads
  /// (the sandbox's webhook deliveries, waited for from blocked threads at exit).
  public func send(
    _ request: HTTPRequest,
    completion: @escaping @Sendable (Result<HTTPResponse, TransportError>) -> Void
  ) {
    let collector = ResponseCollector(completion: completion)
    do {
      let transfer = try CurlTransfer(
        request, url: try url(for: request), idleTimeout: requestTimeout,
        acceptsEncoding: true, receiver: collector)
      engine.start(transfer)
    } catch {
      completion(.failure(Self.transportError(from: error)))
    }
  }

  /// The URL that carries `request`: base URL, path and query.
  func url(for request: HTTPRequest) throws(TransportError) -> URL {
    guard let url = RequestURL.make(base: baseURL, path: request.path, query: request.query)
    else {
      throw .connectionFailed("cannot form a URL for '\(request.path)'")
    }
    return url
  }

  /// The transport error for whatever a request threw.
  static func transportError(from error: any Error) -> TransportError {
    if let error = error as? TransportError { return error }
    return .cancelled  // CancellationError, the only other error on these paths
  }

  private func log(
    _ request: HTTPRequest, status: Int? = nil, failure: TransportError? = nil,
    since started: ContinuousClock.Instant
  ) {
    var metadata = [
      "http.method": request.method.rawValue, "http.path": request.path,
      "http.duration_ms": Self.milliseconds(since: started),
    ]
    metadata["http.status"] = status.map(String.init)
    metadata["http.error"] = failure.map { String(describing: $0) }
    logger.debug(failure == nil ? "request" : "request failed", metadata)
  }

  /// The time since `started` in milliseconds, for logs: `0.52`.
  static func milliseconds(since started: ContinuousClock.Instant) -> String {
    let elapsed = ContinuousClock.now - started
    let value =
      Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
    return String(format: "%.2f", value)
  }
}

/// Collects a whole response for `HTTPTransport.send`.
private final class ResponseCollector: CurlReceiver, @unchecked Sendable {
  // Safe: `head` and `body` are touched only on the engine's thread, by the receiver
  // calls; the waiting caller sees them only through `response`, settled after them.
  let response = PendingResult<HTTPResponse>()
  private let completion: (@Sendable (Result<HTTPResponse, TransportError>) -> Void)?
  private var status = 0
  private var headers = HTTPHeaders()
  private var bodyBytes = Data()

  init(completion: (@Sendable (Result<HTTPResponse, TransportError>) -> Void)? = nil) {
    self.completion = completion
  }

  func head(status: Int, headers: HTTPHeaders) {
    self.status = status
    self.headers = headers
  }

  func body(_ bytes: UnsafeRawBufferPointer) {
    bodyBytes.append(contentsOf: bytes)
  }

  func end(_ outcome: Result<Void, TransportError>) {
    let result = outcome.map { HTTPResponse(status: status, headers: headers, body: bodyBytes) }
    response.resolve(result)
    completion?(result)
  }
}
