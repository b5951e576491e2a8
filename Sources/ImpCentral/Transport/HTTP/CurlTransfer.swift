import CCurl
import Foundation
import Synchronization

/// What a transfer reports as the response arrives: the head, pieces of the body, the end.
///
/// All three are called on the engine's thread, in that order; `end` exactly once, and
/// possibly without a head when the exchange failed before one arrived.
protocol CurlReceiver: AnyObject, Sendable {
  /// The final response head (never a 1xx interim one).
  func head(status: Int, headers: HTTPHeaders)
  /// The next piece of the body, in order.
  func body(_ bytes: UnsafeRawBufferPointer)
  /// The transfer is over: completed, failed, timed out or cancelled.
  func end(_ outcome: Result<Void, TransportError>)
}

/// One HTTP exchange on a libcurl easy handle, fed to a `CurlReceiver`.
final class CurlTransfer: @unchecked Sendable {
  // Safe: after `init` on the caller's thread, every member but `cancelRequested` (an
  // Atomic) is touched only on the engine's thread, from libcurl's callbacks inside
  // `curl_multi_perform` and from the engine itself.
  let easy: UnsafeMutableRawPointer
  private let url: URL
  private let idleTimeout: Duration
  private let receiver: any CurlReceiver
  private var headerList: UnsafeMutablePointer<curl_slist>?
  private let errorText: UnsafeMutablePointer<CChar>
  private let cancelRequested = Atomic(false)
  private var lastActivity = ContinuousClock.now
  private var status = 0
  private var headers: [(name: String, value: String)] = []
  private var headSent = false
  private var ended = false

  /// Prepares `request` for `url`, failing with `idleTimeout` of silence.
  init(
    _ request: HTTPRequest, url: URL, idleTimeout: TimeInterval, acceptsEncoding: Bool,
    receiver: any CurlReceiver
  ) throws(TransportError) {
    guard let easy = curl_easy_init() else {
      throw .connectionFailed("the HTTP library could not start a transfer")
    }
    self.easy = easy
    self.url = url
    self.idleTimeout = .milliseconds(Int((max(idleTimeout, 0.001) * 1000).rounded(.up)))
    self.receiver = receiver
    errorText = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    configure(request, acceptsEncoding: acceptsEncoding)
  }

  deinit {
    curl_easy_cleanup(easy)
    curl_slist_free_all(headerList)
    errorText.deallocate()
  }

  /// When the transfer times out unless something arrives first.
  var deadline: ContinuousClock.Instant { lastActivity + idleTimeout }

  /// Whether `requestCancel()` was called.
  var isCancelRequested: Bool { cancelRequested.load(ordering: .acquiring) }

  /// Marks the transfer to be stopped by the engine; callable from any thread.
  func requestCancel() {
    cancelRequested.store(true, ordering: .releasing)
  }

  /// Tells the receiver the transfer is over, once.
  func end(_ outcome: Result<Void, TransportError>) {
    guard !ended else { return }
    ended = true
    if case .success = outcome, !headSent {
      receiver.end(.failure(.connectionFailed(Self.noResponse(url))))
    } else {
      receiver.end(outcome)
    }
  }

  /// What libcurl's result code for this transfer means.
  func outcome(of code: CURLcode) -> Result<Void, TransportError> {
    guard code != CURLE_OK else { return .success(()) }
    let detail = String(cString: errorText)
    return .failure(HTTPTransport.transportError(code: code, detail: detail, url: url))
  }

  private func configure(_ request: HTTPRequest, acceptsEncoding: Bool) {
    let context = Unmanaged.passUnretained(self).toOpaque()
    ccurl_set_text(easy, CURLOPT_URL, url.absoluteString)
    ccurl_set_long(easy, CURLOPT_NOSIGNAL, 1)
    ccurl_set_long(easy, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
    ccurl_set_long(easy, CURLOPT_CONNECTTIMEOUT_MS, idleMilliseconds)
    ccurl_set_pointer(easy, CURLOPT_ERRORBUFFER, errorText)
    ccurl_set_text(easy, CURLOPT_USERAGENT, "imptsh")
    if acceptsEncoding { ccurl_set_text(easy, CURLOPT_ACCEPT_ENCODING, "") }
    setMethod(request)
    setHeaders(request.headers)
    ccurl_set_pointer(easy, CURLOPT_HEADERDATA, context)
    ccurl_set_data_fn(easy, CURLOPT_HEADERFUNCTION) { data, size, count, context in
      guard let context else { return 0 }
      let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
      transfer.receivedHeader(UnsafeRawBufferPointer(start: data, count: size * count))
      return size * count
    }
    ccurl_set_pointer(easy, CURLOPT_WRITEDATA, context)
    ccurl_set_data_fn(easy, CURLOPT_WRITEFUNCTION) { data, size, count, context in
      guard let context else { return 0 }
      let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
      transfer.receivedBody(UnsafeRawBufferPointer(start: data, count: size * count))
      return size * count
    }
  }

  private var idleMilliseconds: Int {
    let (seconds, attoseconds) = idleTimeout.components
    return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
  }

  private func setMethod(_ request: HTTPRequest) {
    if let body = request.body ?? (request.method == .post ? Data() : nil) {
      ccurl_set_size(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
      body.withUnsafeBytes { bytes in
        let start = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        ccurl_set_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: start))
      }
    }
    if request.method != .post {
      ccurl_set_text(easy, CURLOPT_CUSTOMREQUEST, request.method.rawValue)
    }
  }

  private func setHeaders(_ fields: HTTPHeaders) {
    var lines = fields.map { $0.value.isEmpty ? $0.name + ";" : $0.name + ": " + $0.value }
    if fields["Expect"] == nil { lines.append("Expect:") }
    for line in lines { headerList = curl_slist_append(headerList, line) }
    ccurl_set_pointer(easy, CURLOPT_HTTPHEADER, headerList)
  }

  private func receivedHeader(_ bytes: UnsafeRawBufferPointer) {
    lastActivity = .now
    let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .newlines)
    if line.hasPrefix("HTTP/") {
      let code = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
      status = code ?? ccurl_response_code(easy)
      headers = []
    } else if line.isEmpty {
      guard !(100..<200).contains(status), !headSent else { return }
      headSent = true
      receiver.head(status: status, headers: Self.sorted(headers))
    } else if let colon = line.firstIndex(of: ":") {
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      headers.append((String(line[..<colon]), value))
    }
  }

  private func receivedBody(_ bytes: UnsafeRawBufferPointer) {
    lastActivity = .now
    if headSent { receiver.body(bytes) }
  }

  /// The fields sorted by name so they read the same every time; repeated names are
  /// joined with `, `.
  private static func sorted(_ fields: [(name: String, value: String)]) -> HTTPHeaders {
    var result = HTTPHeaders()
    for field in fields.sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) {
      result[field.name] = result[field.name].map { $0 + ", " + field.value } ?? field.value
    }
    return result
  }

  private static func noResponse(_ url: URL) -> String {
    "cannot reach \(HTTPTransport.place(of: url)): the connection closed without a response"
  }
}
