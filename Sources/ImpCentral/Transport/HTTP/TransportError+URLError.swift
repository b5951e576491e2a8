import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension HTTPTransport {
  /// The transport error for a failure URLSession reported.
  ///
  /// Messages name the host and port and say what went wrong; they never hold the path,
  /// query, headers or body, where secrets could be.
  static func transportError(from error: any Error, url: URL?) -> TransportError {
    if let error = error as? TransportError { return error }
    if error is CancellationError || Task.isCancelled { return .cancelled }
    guard let error = error as? URLError else {
      return .connectionFailed("cannot reach \(place(of: url)): \(type(of: error))")
    }
    switch error.code {
    case .cancelled: return .cancelled
    case .timedOut: return .timedOut
    case .unknown:
      let detail = libcurlDetail(of: error, url: url) ?? "the connection failed"
      return .connectionFailed("cannot reach \(place(of: url)): \(detail)")
    default: return .connectionFailed("cannot reach \(place(of: url)): \(reason(for: error.code))")
    }
  }

  /// libcurl's own words for a failure URLSession leaves unclassified, such as
  /// `transfer closed with 1024 bytes remaining to read`; nil when they could hold
  /// any part of the URL beyond its host.
  private static func libcurlDetail(of error: URLError, url: URL?) -> String? {
    guard let text = error.userInfo[NSLocalizedDescriptionKey] as? String, !text.isEmpty
    else { return nil }
    let path = url?.path ?? ""
    let revealing =
      text.contains("://") || text.contains("?") || text.contains("@")
      || (path.count > 1 && text.contains(path))
    return revealing ? nil : text.prefix(1).lowercased() + text.dropFirst()
  }

  /// `'host:port'` of the URL, without user, path or query.
  static func place(of url: URL?) -> String {
    guard let url, let host = url.host else { return "the service" }
    let port = url.port ?? (url.scheme == "https" ? 443 : 80)
    return "'\(host):\(port)'"
  }

  private static func reason(for code: URLError.Code) -> String {
    switch code {
    case .cannotConnectToHost: "the connection was refused"
    case .cannotFindHost, .dnsLookupFailed: "the host name is unknown"
    case .networkConnectionLost: "the connection was lost before the response was complete"
    case .notConnectedToInternet: "there is no network connection"
    case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
      .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid:
      "the secure connection could not be established"
    case .badServerResponse, .cannotParseResponse, .zeroByteResource:
      "the response was incomplete or malformed"
    case .httpTooManyRedirects, .redirectToNonExistentLocation: "the service redirected badly"
    default: "network error \(code.rawValue)"
    }
  }
}
