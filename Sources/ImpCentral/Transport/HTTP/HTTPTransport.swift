import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Carries API requests to impCentral, or to `imptsh --serve`, over HTTP with URLSession.
///
/// One URLSession serves every request of a transport, so connections are reused; each
/// event stream gets a session of its own, closed with the stream. Cancelling the calling
/// task (Ctrl-C) aborts the request in flight.
///
/// Method, headers and body pass through unchanged, with one catch: libcurl labels a body
/// without `Content-Type` as `application/x-www-form-urlencoded`, so callers set it.
/// Proxies: URLSession on Linux ignores `connectionProxyDictionary`, but libcurl under it
/// honours `https_proxy`/`HTTPS_PROXY`, `http_proxy` and `no_proxy` by itself; `http_proxy`
/// applies to loopback URLs too unless `no_proxy` names them.
public final class HTTPTransport: Transport {
  /// The API's base URL, such as `https://api.electricimp.com/v5`.
  public let baseURL: URL
  /// Seconds a request may wait for the service before it fails with `.timedOut`.
  public let requestTimeout: TimeInterval
  /// Seconds an event stream may stay silent before it fails with `.timedOut`.
  public let eventStreamIdleTimeout: TimeInterval
  private let session: URLSession
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
    session = URLSession(configuration: Self.configuration(timeout: requestTimeout))
  }

  deinit {
    session.finishTasksAndInvalidate()
  }

  /// Sends `request` and returns the response, whatever its status.
  ///
  /// Throws `TransportError.timedOut`, `.cancelled` or `.connectionFailed` when no
  /// complete response arrived.
  public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    let urlRequest = try makeURLRequest(for: request, timeout: requestTimeout)
    let started = ContinuousClock.now
    do {
      try Task.checkCancellation()
      let (body, response) = try await session.data(for: urlRequest)
      let result = try Self.response(from: response, body: body)
      log(request, status: result.status, since: started)
      return result
    } catch {
      let failure = Self.transportError(from: error, url: urlRequest.url)
      log(request, failure: failure, since: started)
      throw failure
    }
  }

  /// The URLRequest that carries `request`: base URL, path, query, method, headers, body.
  func makeURLRequest(for request: HTTPRequest, timeout: TimeInterval) throws -> URLRequest {
    guard let url = RequestURL.make(base: baseURL, path: request.path, query: request.query)
    else {
      throw TransportError.connectionFailed("cannot form a URL for '\(request.path)'")
    }
    var urlRequest = URLRequest(url: url, timeoutInterval: timeout)
    urlRequest.httpMethod = request.method.rawValue
    for (name, value) in request.headers {
      urlRequest.setValue(value, forHTTPHeaderField: name)
    }
    urlRequest.httpBody = request.body
    return urlRequest
  }

  /// A session configuration without caches or cookies, with `timeout` between packets.
  static func configuration(timeout: TimeInterval) -> URLSessionConfiguration {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    return configuration
  }

  /// Our response from URLSession's, or a connection failure when it is not HTTP.
  static func response(from response: URLResponse, body: Data) throws -> HTTPResponse {
    guard let http = response as? HTTPURLResponse else {
      throw TransportError.connectionFailed("the service's answer was not an HTTP response")
    }
    return HTTPResponse(status: http.statusCode, headers: headers(of: http), body: body)
  }

  /// The response's header fields, sorted by name so they read the same every time.
  static func headers(of response: HTTPURLResponse) -> HTTPHeaders {
    var headers = HTTPHeaders()
    let fields = response.allHeaderFields.compactMap { name, value -> (String, String)? in
      guard let name = name as? String else { return nil }
      return (name, value as? String ?? String(describing: value))
    }
    for (name, value) in fields.sorted(by: { $0.0.lowercased() < $1.0.lowercased() }) {
      headers[name] = value
    }
    return headers
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
