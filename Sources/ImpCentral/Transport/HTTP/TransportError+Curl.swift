import CCurl
import Foundation

extension HTTPTransport {
  /// The transport error for a libcurl result code, with libcurl's own words in `detail`.
  ///
  /// Messages name the host and port and say what went wrong; they never hold the path,
  /// query, headers or body, where secrets could be.
  static func transportError(code: CURLcode, detail: String, url: URL?) -> TransportError {
    switch code {
    case CURLE_OPERATION_TIMEDOUT: return .timedOut
    case CURLE_ABORTED_BY_CALLBACK: return .cancelled
    default:
      let reason = reason(for: code, detail: detail) ?? clean(detail, url: url)
      return .connectionFailed(
        "cannot reach \(place(of: url)): \(reason ?? "network error \(code.rawValue)")")
    }
  }

  /// `'host:port'` of the URL, without user, path or query.
  static func place(of url: URL?) -> String {
    guard let url, let host = url.host else { return "the service" }
    let port = url.port ?? (url.scheme == "https" ? 443 : 80)
    return "'\(host):\(port)'"
  }

  private static func reason(for code: CURLcode, detail: String) -> String? {
    switch code {
    case CURLE_COULDNT_CONNECT:
      detail.contains("refused")
        ? "the connection was refused" : "the connection could not be made"
    case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: "the host name is unknown"
    case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
      CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR:
      "the secure connection could not be established"
    case CURLE_GOT_NOTHING: "the connection closed without a response"
    case CURLE_SEND_ERROR, CURLE_RECV_ERROR:
      "the connection was lost before the response was complete"
    case CURLE_WEIRD_SERVER_REPLY, CURLE_BAD_CONTENT_ENCODING:
      "the response was incomplete or malformed"
    default: nil
    }
  }

  /// libcurl's words, such as `transfer closed with 1024 bytes remaining to read`; nil
  /// when empty or when they could hold any part of the URL beyond its host.
  private static func clean(_ detail: String, url: URL?) -> String? {
    guard !detail.isEmpty else { return nil }
    let path = url?.path ?? ""
    let revealing =
      detail.contains("://") || detail.contains("?") || detail.contains("@")
      || (path.count > 1 && detail.contains(path))
    return revealing ? nil : detail.prefix(1).lowercased() + detail.dropFirst()
  }
}
