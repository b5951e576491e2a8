import Foundation
import ImpCentral

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Sends webhook firings to their URLs; the sandbox hands it loopback firings only.
///
/// `deliver` must return at once: delivery is asynchronous and best-effort, and a failure
/// is not reported back (the firing stays recorded either way).
public protocol WebhookDeliverer: Sendable {
  /// Starts delivering `firing` and returns without waiting.
  func deliver(_ firing: WebhookFiring)
}

/// Delivers firings as HTTP POSTs through URLSession.
public struct URLSessionWebhookDeliverer: WebhookDeliverer {
  private let logger: Logger

  /// Creates a deliverer that logs failures to `logger` at debug level.
  public init(logger: Logger = .disabled) {
    self.logger = logger.child("sandbox.webhooks")
  }

  public func deliver(_ firing: WebhookFiring) {
    guard let url = URL(string: firing.url) else { return }
    var request = URLRequest(url: url)
    request.httpMethod = "POST"
    request.setValue(firing.contentType, forHTTPHeaderField: "Content-Type")
    request.httpBody = firing.body
    request.timeoutInterval = 10
    let logger = self.logger
    let event = firing.event
    URLSession.shared.dataTask(with: request) { _, response, error in
      let status = (response as? HTTPURLResponse)?.statusCode ?? 0
      if error != nil || !(200..<300).contains(status) {
        logger.debug(
          "webhook delivery failed", ["webhook.event": event, "http.status": String(status)])
      }
    }.resume()
  }
}

/// A deliverer that sends nothing, for sandboxes that must stay silent.
public struct NoWebhookDeliverer: WebhookDeliverer {
  /// Creates the deliverer.
  public init() {}

  public func deliver(_ firing: WebhookFiring) {}
}
