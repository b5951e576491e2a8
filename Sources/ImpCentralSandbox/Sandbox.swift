import Foundation
import ImpCentral

/// The sandbox: an emulator of the impCentral API v5 on SQLite.
///
/// It answers raw API requests (`respond`) and log-stream connections (`openEvents`) as
/// impCentral would, and simulates what an account's hardware does (see
/// `Sandbox+Hardware`). Each request runs in one SQLite transaction that commits before
/// the response is built, so a request that fails changes nothing and a killed process
/// loses nothing it acknowledged. Safe to call from many threads: one runs at a time.
public final class Sandbox: APIResponder, @unchecked Sendable {
  // Safe: `engine` (the database connection) is only touched inside `lock.withLock`; every
  // other stored property is an immutable Sendable value.
  private let lock = NSLock()
  private let engine: SandboxEngine
  private let hub = LogStreamHub()
  private let deliverer: any WebhookDeliverer
  private let limiter: RateLimiter
  private let logger: Logger
  private let conflictStatus: Int
  /// Whether the database is a file other processes may write to (not `:memory:`).
  private let sharesFile: Bool

  /// The settings the sandbox runs with.
  public var configuration: SandboxConfiguration {
    lock.withLock { engine.configuration }
  }

  /// Changes the API base used in absolute links, for a server that learns its port only
  /// after it starts: `http://127.0.0.1:8421/v5`.
  public func setBaseURL(_ baseURL: String) {
    let trimmed = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    lock.withLock { engine.configuration.baseURL = trimmed }
  }

  /// Opens (or creates and seeds) the sandbox database at `path`; `:memory:` gives a
  /// throwaway one.
  ///
  /// Tests inject a `ManualClock` and `SeededIdentifiers` for stable output, and a
  /// deliverer that records webhook calls instead of sending them.
  public init(
    path: String = ":memory:",
    configuration: SandboxConfiguration = SandboxConfiguration(),
    clock: any WallClock = SystemClock(),
    identifiers: any IdentifierSource = RandomIdentifiers(),
    deliverer: (any WebhookDeliverer)? = nil,
    logger: Logger = .disabled
  ) throws(SandboxError) {
    let opened: SandboxEngine
    do {
      opened = try SandboxEngine(
        path: path, configuration: configuration, clock: clock, identifiers: identifiers)
    } catch let error as SandboxError {
      throw error
    } catch {
      throw SandboxError.storage(
        error as? DatabaseError
          ?? DatabaseError(
            code: 1, message: "\(error)", statement: nil))
    }
    engine = opened
    self.logger = logger.child("sandbox")
    self.deliverer = deliverer ?? HTTPWebhookDeliverer(logger: logger)
    limiter = RateLimiter(limit: configuration.rateLimit, clock: clock)
    conflictStatus = configuration.conflictStatus
    sharesFile = !path.isEmpty && path != ":memory:"
  }

  public func respond(to request: HTTPRequest) -> HTTPResponse {
    let api = APIRequest(request)
    let rate = limiter.take(api.bearerToken ?? "")
    var pattern = "?"
    do {
      guard rate.allowed else { throw APIError.rateLimited() }
      let (route, parameters) = try Router.resolve(api)
      pattern = "/" + route.pattern.joined(separator: "/")
      let reply = try perform(write: route.writes) { tx in
        try Router.run(route, parameters, api, tx)
      }
      return finish(Self.response(reply.status, reply.body?.data, rate), api, pattern)
    } catch {
      return finish(errorResponse(error, rate), api, pattern)
    }
  }

  public func openEvents(_ request: HTTPRequest) -> EventChannelResult {
    let api = APIRequest(request)
    let rate = limiter.take("")
    do {
      try api.checkSegments()
      guard api.segments.count == 2, api.segments[0] == "logstream", !api.segments[1].isEmpty
      else {
        throw APIError.unknownPath(api.path)
      }
      guard api.method == .get else {
        throw APIError.methodNotAllowed(api.method.rawValue, allowed: ["GET"])
      }
      let format = try LogStreamRoutes.format(api)
      return .channel(try connect(api.segments[1], format: format))
    } catch {
      return .response(errorResponse(error, rate))
    }
  }

  /// Connects a reader to an open stream, under the lock so no close slips in between;
  /// the reader of a sandbox file also polls for lines other processes write to it.
  private func connect(_ id: String, format: LogStreamFormat) throws -> LogStreamChannel {
    var poller: (@Sendable (LogStreamChannel) -> Void)?
    if sharesFile {
      poller = { [weak self] channel in self?.poll(channel) }
    }
    return try lock.withLock {
      let (top, _) = try engine.run(write: false) { tx throws -> Int? in
        let open = try tx.db.exists(
          "SELECT 1 FROM log_streams WHERE id = ? AND closed = 0", [.text(id)])
        return open ? try LogStreamPoll.top(tx.db) : nil
      }
      guard let top else { throw APIError.notFound("logstream", id) }
      return hub.open(id, format: format, watermark: top, poller: poller)
    }
  }

  /// Hands `channel` the lines committed since its last look, by this process or another.
  ///
  /// Runs under the lock, as commits do, so every line this process committed has been
  /// pushed to the channel already and the channel can skip it.
  private func poll(_ channel: LogStreamChannel) {
    lock.withLock {
      do {
        let (found, _) = try engine.run(write: false) { tx in
          try LogStreamPoll.read(
            stream: channel.streamID, after: channel.pollWatermark, tx.db)
        }
        channel.merge(found)
      } catch {
        logger.debug("log stream poll failed", ["error.type": "\(type(of: error))"])
      }
    }
  }

  /// Runs `body` in one transaction, then applies its effects while still holding the
  /// lock, so stream events keep the order of the commits.
  func perform<T: Sendable>(write: Bool, _ body: (Transaction) throws -> T) throws -> T {
    try lock.withLock {
      let (value, effects) = try engine.run(write: write, body)
      apply(effects)
      return value
    }
  }

  private func apply(_ effects: [Effect]) {
    for effect in effects {
      switch effect {
      case .stream(let id, let event): hub.publish(id, event)
      case .closeStream(let id): hub.close(id)
      case .deliver(let firing): deliverer.deliver(firing)
      }
    }
  }

  /// Ends every connected log-stream reader, as a reset does.
  func closeAllStreams() { hub.closeAll() }

  private func errorResponse(_ error: any Error, _ rate: RateLimiter.Reading) -> HTTPResponse {
    let failure = error as? APIError ?? APIError.internalError(error)
    if !(error is APIError) {
      logger.warning("request failed inside the sandbox", ["error.type": "\(type(of: error))"])
    }
    let document = failure.document(conflictStatus: conflictStatus)
    var response = Self.response(document.status, JSONWriter.data(document.body), rate)
    for (name, value) in failure.headers { response.headers[name] = value }
    return response
  }

  private static func response(
    _ status: Int, _ body: Data?, _ rate: RateLimiter.Reading
  ) -> HTTPResponse {
    var headers = HTTPHeaders()
    headers["Content-Type"] = "application/vnd.api+json"
    for (name, value) in rate.headers { headers[name] = value }
    return HTTPResponse(
      status: status, headers: headers, body: body ?? Data())
  }

  private func finish(_ response: HTTPResponse, _ request: APIRequest, _ pattern: String)
    -> HTTPResponse
  {
    logger.debug(
      "request answered",
      [
        "http.method": request.method.rawValue, "http.route": pattern,
        "http.status": String(response.status),
      ])
    return response
  }
}
