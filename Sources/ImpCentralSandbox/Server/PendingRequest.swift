import Foundation

/// What the server knows about one request while libmicrohttpd delivers it.
///
/// libmicrohttpd keeps a pointer to it in the request's `con_cls` slot: it is retained on
/// the first call of the access handler and released in the completion callback, which
/// runs for finished and aborted requests alike. Only the connection's thread touches it.
final class PendingRequest {
  /// The method as the client sent it.
  let method: String
  /// The path as sent, still percent-encoded, including `/v5`.
  let url: String
  /// When the request's head arrived.
  let started = ContinuousClock.now
  /// The body received so far, while it fits the limit.
  var body = Data()
  /// Whether the body passed the limit; the rest of it is discarded.
  var overLimit = false
  /// The status of the response queued, or nil before one is.
  var status: Int?

  /// Creates the record of a request whose head just arrived.
  init(method: String, url: String) {
    self.method = method
    self.url = url
  }

  /// Adds a piece of the body, or discards it once the body passes `limit` bytes.
  func append(_ bytes: UnsafeRawBufferPointer, limit: Int) {
    guard !overLimit else { return }
    if body.count + bytes.count > limit {
      overLimit = true
      body = Data()
    } else {
      body.append(contentsOf: bytes)
    }
  }

  /// The path without the `/v5` prefix, or nil when the path is outside it.
  var apiPath: String? {
    guard url == "/v5" || url.hasPrefix("/v5/") else { return nil }
    let rest = url.dropFirst(3)
    return rest.isEmpty ? "/" : String(rest)
  }

  /// The path under the admin API's `/sandbox/v1` prefix, or nil when it is outside it.
  var adminPath: String? { SandboxAdminAPI.relativePath(of: url) }
}
