import Foundation
import Glibc
import ImpCentral
import ImpCentralSandbox
import Synchronization

/// A responder for server tests: answers with a closure and remembers every request.
final class FakeResponder: APIResponder {
  typealias Answer = @Sendable (HTTPRequest) -> HTTPResponse
  typealias Opener = @Sendable (HTTPRequest) -> EventChannelResult

  private let answer: Answer
  private let opener: Opener
  private let seen = Mutex<[HTTPRequest]>([])

  /// Creates a responder; by default it echoes nothing with 200 and refuses streams.
  init(
    answer: @escaping Answer = { _ in HTTPResponse(status: 200) },
    opener: @escaping Opener = { _ in .response(HTTPResponse(status: 404)) }
  ) {
    self.answer = answer
    self.opener = opener
  }

  /// The requests received so far, event streams included.
  var requests: [HTTPRequest] { seen.withLock { $0 } }

  func respond(to request: HTTPRequest) -> HTTPResponse {
    seen.withLock { $0.append(request) }
    return answer(request)
  }

  func openEvents(_ request: HTTPRequest) -> EventChannelResult {
    seen.withLock { $0.append(request) }
    return opener(request)
  }
}

/// An event channel the test feeds by hand, which records whether the server closed it.
final class FakeChannel: EventChannel, @unchecked Sendable {
  // Safe: `items`, `ended` and `closeCount` are only touched while holding `condition`.
  private let condition = NSCondition()
  private var items: [ServerSentEvent] = []
  private var ended = false
  private var closeCount = 0

  /// Queues an event for the reader.
  func send(_ event: ServerSentEvent) {
    condition.withLock {
      items.append(event)
      condition.broadcast()
    }
  }

  /// Ends the stream from the service's side.
  func finish() {
    condition.withLock {
      ended = true
      condition.broadcast()
    }
  }

  /// Whether the reader closed the channel.
  var wasClosed: Bool { condition.withLock { closeCount > 0 } }

  func next(timeout: Double) -> EventChannelItem {
    condition.withLock {
      let deadline = Date(timeIntervalSinceNow: timeout)
      while items.isEmpty && !ended && closeCount == 0 {
        if !condition.wait(until: deadline) { return .timedOut }
      }
      if closeCount > 0 || (ended && items.isEmpty) { return .closed }
      return .event(items.removeFirst())
    }
  }

  func close() {
    condition.withLock {
      closeCount += 1
      condition.broadcast()
    }
  }
}

/// A latch a blocked responder waits on, so tests can release it before the server stops.
final class Gate: Sendable {
  private let opened = Mutex(false)

  /// Waits until the gate opens, or `seconds` pass.
  func wait(seconds: Double) {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while !opened.withLock({ $0 }) && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
  }

  /// Releases every waiter.
  func open() { opened.withLock { $0 = true } }
}

/// Runs `body` against a started server in front of `responder`, then stops the server.
func withServer<T>(
  _ responder: any APIResponder, faults: FaultPlan = FaultPlan([]),
  options: SandboxHTTPServer.Options = .init(), requestTimeout: TimeInterval = 20,
  _ body: (SandboxHTTPServer, HTTPTransport) async throws -> T
) async throws -> T {
  let server = SandboxHTTPServer(responder: responder, options: options, faults: faults)
  try server.start()
  defer { server.stop() }
  let transport = HTTPTransport(baseURL: server.baseURL, requestTimeout: requestTimeout)
  return try await body(server, transport)
}

/// Polls `condition` until it holds or `seconds` pass; returns whether it held.
func eventually(within seconds: Double = 10, _ condition: () -> Bool) async -> Bool {
  let deadline = Date(timeIntervalSinceNow: seconds)
  while Date() < deadline {
    if condition() { return true }
    try? await Task.sleep(for: .milliseconds(20))
  }
  return condition()
}

/// Runs `operation` with a deadline; fails with `TimedOut` instead of hanging the suite.
func withDeadline<T: Sendable>(
  seconds: Double, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
  try await withThrowingTaskGroup(of: T.self) { group in
    group.addTask { try await operation() }
    group.addTask {
      try await Task.sleep(for: .seconds(seconds))
      throw TimedOut()
    }
    defer { group.cancelAll() }
    return try await group.next()!
  }
}

/// The deadline of `withDeadline` passed.
struct TimedOut: Error {}

/// A JSON:API body for tests.
func jsonBody(_ text: String) -> Data { Data(text.utf8) }

/// The JSON:API content type header.
let jsonAPIHeaders: HTTPHeaders = ["Content-Type": "application/vnd.api+json"]

/// A client on a bare socket, for requests URLSession would never send.
enum RawClient {
  /// A socket call failed.
  struct Failure: Error {
    var call: String
    var code: Int32
  }

  /// Sends `text` to the loopback port and returns all the server sends back until it
  /// closes the connection (or five seconds pass); `halfClose` ends the sending side.
  static func exchange(port: UInt16, _ text: String, halfClose: Bool = false) throws -> String {
    let socket = try connect(port: port)
    defer { close(socket) }
    let bytes = Array(text.utf8)
    guard bytes.withUnsafeBytes({ send(socket, $0.baseAddress, $0.count, 0) }) == bytes.count
    else { throw Failure(call: "send", code: errno) }
    if halfClose { shutdown(socket, Int32(SHUT_WR)) }
    return readAll(socket)
  }

  /// The IPv4 addresses with a listening TCP socket on `port`, from `/proc/net/tcp`.
  static func listeningAddresses(port: UInt16) -> [String] {
    let table = socketTable()
    let suffix = String(format: ":%04X", port)
    return table.split(separator: "\n").dropFirst().compactMap { line in
      let fields = line.split(separator: " ")
      guard fields.count > 3, fields[3] == "0A", fields[1].hasSuffix(suffix) else { return nil }
      return dottedAddress(String(fields[1].prefix(8)))
    }
  }

  /// How many TCP sockets other than listeners use `port`, client and server ends alike,
  /// in any state (TIME_WAIT included), from `/proc/net/tcp`.
  static func connectionEnds(port: UInt16) -> Int {
    let table = socketTable()
    let suffix = String(format: ":%04X", port)
    return table.split(separator: "\n").dropFirst().filter { line in
      let fields = line.split(separator: " ")
      return fields.count > 3 && fields[3] != "0A"
        && (fields[1].hasSuffix(suffix) || fields[2].hasSuffix(suffix))
    }.count
  }

  /// Connects to the loopback port and sends `text`, returning the open socket.
  static func open(port: UInt16, sending text: String) throws -> Int32 {
    let socket = try connect(port: port)
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
    return socket
  }

  /// The whole of `/proc/net/tcp`; `String(contentsOfFile:)` would stop after one page.
  private static func socketTable() -> String {
    let handle = FileHandle(forReadingAtPath: "/proc/net/tcp")
    let data = (try? handle?.readToEnd()) ?? nil
    return String(decoding: data ?? Data(), as: UTF8.self)
  }

  private static func dottedAddress(_ hex: String) -> String? {
    guard let value = UInt32(hex, radix: 16) else { return nil }
    return (0..<4).map { String((value >> (8 * $0)) & 0xFF) }.joined(separator: ".")
  }

  private static func connect(port: UInt16) throws -> Int32 {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw Failure(call: "socket", code: errno) }
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 else {
      close(socket)
      throw Failure(call: "connect", code: errno)
    }
    return socket
  }

  private static func readAll(_ socket: Int32) -> String {
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      if count <= 0 { break }
      received += buffer[..<count]
    }
    return String(decoding: received, as: UTF8.self)
  }
}

/// A server on a bare socket that answers one connection with fixed bytes and closes it,
/// for replies libmicrohttpd would never send (a stream cut off in the middle).
final class OneShotServer: Sendable {
  /// The port it listens on.
  let port: UInt16
  private let listener: Int32

  /// Listens on a free loopback port; the first connection gets `reply`.
  init(reply: String) throws {
    let listener = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listener, $0, length) == 0 && listen(listener, 4) == 0
          && getsockname(listener, $0, &length) == 0
      }
    }
    guard bound else {
      close(listener)
      throw RawClient.Failure(call: "bind", code: errno)
    }
    port = UInt16(bigEndian: address.sin_port)
    self.listener = listener
    Thread.detachNewThread {
      let connection = accept(listener, nil, nil)
      guard connection >= 0 else { return }
      var buffer = [UInt8](repeating: 0, count: 4096)
      _ = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
      let bytes = Array(reply.utf8)
      _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, 0) }
      Thread.sleep(forTimeInterval: 0.2)
      close(connection)
    }
  }

  deinit { close(listener) }

  /// The base URL of a pretend API on this server.
  var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v5")! }
}
