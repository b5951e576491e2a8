import Foundation
import ImpCentral

/// Sends webhook firings to their URLs; the sandbox hands it loopback firings only.
///
/// `deliver` must return at once: delivery is asynchronous and best-effort, and a failure
/// is not reported back (the firing stays recorded either way).
public protocol WebhookDeliverer: Sendable {
  /// Starts delivering `firing` and returns without waiting.
  func deliver(_ firing: WebhookFiring)
}

/// Delivers firings as HTTP POSTs through the client's HTTP transport (libcurl), and knows
/// which are still on their way, so a program can let them arrive before it exits.
public final class HTTPWebhookDeliverer: WebhookDeliverer, @unchecked Sendable {
  // Safe: `inFlight` is only read and written while holding `condition`'s lock; the other
  // stored properties are constants.
  private let logger: Logger
  private let condition = NSCondition()
  private var inFlight = 0

  /// Creates a deliverer that logs failures to `logger` at debug level.
  public init(logger: Logger = .disabled) {
    self.logger = logger.child("sandbox.webhooks")
  }

  /// How many deliveries have started and not yet ended.
  public var pendingCount: Int {
    condition.withLock { inFlight }
  }

  public func deliver(_ firing: WebhookFiring) {
    guard let (transport, request) = Self.request(for: firing) else { return }
    let logger = self.logger
    let event = firing.event
    condition.withLock { inFlight += 1 }
    transport.send(request) { [self] result in
      let status = (try? result.get())?.status ?? 0
      if !(200..<300).contains(status) {
        logger.debug(
          "webhook delivery failed", ["webhook.event": event, "http.status": String(status)])
      }
      finished()
    }
  }

  /// The transport and POST request for a firing's URL, or nil when the URL is unusable.
  static func request(for firing: WebhookFiring) -> (HTTPTransport, HTTPRequest)? {
    guard let parts = URLComponents(string: firing.url), let scheme = parts.scheme,
      let host = parts.host
    else { return nil }
    var origin = URLComponents()
    origin.scheme = scheme
    origin.host = host
    origin.port = parts.port
    guard let base = origin.url else { return nil }
    var headers = HTTPHeaders()
    headers["Content-Type"] = firing.contentType
    let request = HTTPRequest(
      method: .post, path: parts.path.isEmpty ? "/" : parts.path,
      query: parts.queryItems ?? [], headers: headers, body: firing.body)
    return (HTTPTransport(baseURL: base, requestTimeout: 10), request)
  }

  /// Blocks until every delivery started so far has ended (answered or failed), or until
  /// `timeout` seconds pass; returns whether none is left.
  @discardableResult
  public func waitForDeliveries(timeout: TimeInterval) -> Bool {
    let deadline = Date(timeIntervalSinceNow: timeout)
    condition.lock()
    defer { condition.unlock() }
    while inFlight > 0 {
      if !condition.wait(until: deadline) { break }
    }
    return inFlight == 0
  }

  private func finished() {
    condition.withLock {
      inFlight -= 1
      condition.broadcast()
    }
  }
}

/// A deliverer that sends nothing, for sandboxes that must stay silent.
public struct NoWebhookDeliverer: WebhookDeliverer {
  /// Creates the deliverer.
  public init() {}

  public func deliver(_ firing: WebhookFiring) {}
}
