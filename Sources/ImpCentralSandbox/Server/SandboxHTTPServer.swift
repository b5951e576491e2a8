import CMicroHTTPD
import Foundation
import ImpCentral
import Synchronization

/// Serves an `APIResponder` over HTTP as impCentral API v5, for `imptsh --serve` and tests.
///
/// It listens on 127.0.0.1 unless given another IPv4 address, under the `/v5` prefix, on
/// libmicrohttpd with a thread per connection. Event streams are sent as server-sent
/// events. With an admin API it also answers `/sandbox/v1`, the served sandbox's hardware
/// simulation. A fault plan can make it refuse, fail or drop the next `/v5` requests.
public final class SandboxHTTPServer: Sendable {
  /// Where and how the server listens.
  public struct Options: Sendable {
    /// The IPv4 address to listen on; only loopback unless the caller says otherwise.
    public var host: String
    /// The port; 0 picks a free one, which `port` reports after `start()`.
    public var port: UInt16
    /// Seconds an idle connection stays open.
    public var connectionTimeout: Int
    /// The largest request body accepted; larger ones get 413.
    public var maxBodyBytes: Int

    /// Creates options; the defaults suit a local emulator.
    public init(
      host: String = "127.0.0.1", port: UInt16 = 0, connectionTimeout: Int = 30,
      maxBodyBytes: Int = 4 << 20
    ) {
      self.host = host
      self.port = port
      self.connectionTimeout = connectionTimeout
      self.maxBodyBytes = maxBodyBytes
    }
  }

  private struct State {
    var daemon: OpaquePointer?
    var port: UInt16 = 0
    var retained: Unmanaged<SandboxHTTPServer>?
  }

  /// The service behind the server.
  public let responder: any APIResponder
  /// The served sandbox's admin API under `/sandbox/v1`; nil answers 404 there.
  public let admin: SandboxAdminAPI?
  /// Where and how the server listens.
  public let options: Options
  /// Failures to inject into the next requests; empty unless a test fills it.
  public let faults: FaultPlan
  /// The requests answered so far.
  public let requests = RequestCounter()
  /// Where each request's method, path, status and duration go, at debug level.
  let logger: Logger
  /// The event streams being sent, ended first when the server stops.
  let streams = EventStreamRegistry()
  private let state = Mutex(State())

  /// Creates a server for `responder`; it listens once `start()` is called.
  public init(
    responder: any APIResponder, admin: SandboxAdminAPI? = nil, options: Options = Options(),
    faults: FaultPlan = FaultPlan(), logger: Logger = .disabled
  ) {
    self.responder = responder
    self.admin = admin
    self.options = options
    self.faults = faults
    self.logger = logger
  }

  /// The port the server listens on, or 0 when it is not running.
  public var port: UInt16 { state.withLock { $0.port } }

  /// How many event streams are open.
  public var streamCount: Int { streams.count }

  /// Whether the server is listening.
  public var isRunning: Bool { state.withLock { $0.daemon != nil } }

  /// The API's base URL on this server: `http://127.0.0.1:PORT/v5`.
  public var baseURL: URL {
    var components = URLComponents()
    components.scheme = "http"
    components.host = options.host
    components.port = Int(port)
    components.path = "/v5"
    return components.url ?? URL(fileURLWithPath: "/")
  }

  /// Starts listening; does nothing when already running.
  ///
  /// The server keeps itself alive while it runs, so `stop()` must be called.
  public func start() throws(SandboxServerError) {
    try state.withLock { (state: inout State) throws(SandboxServerError) in
      guard state.daemon == nil else { return }
      streams.reopen()
      let retained = Unmanaged.passRetained(self)
      guard let daemon = startDaemon(context: retained.toOpaque()) else {
        retained.release()
        throw SandboxServerError(host: options.host, port: options.port)
      }
      state = State(daemon: daemon, port: cmhd_bound_port(daemon), retained: retained)
    }
    logger.debug("server started", ["http.port": String(port)])
  }

  /// Stops listening: ends open event streams, then closes every connection.
  ///
  /// Returns once the connection threads are gone, within about a second when streams are
  /// open; a responder that is still answering delays it until it returns.
  public func stop() {
    let stopped = state.withLock { state in
      defer { state = State() }
      return (state.daemon, state.retained)
    }
    guard let daemon = stopped.0 else { return }
    streams.closeAll()
    streams.waitUntilEmpty(seconds: 2)
    MHD_stop_daemon(daemon)
    stopped.1?.release()
    logger.debug("server stopped")
  }

  private func startDaemon(context: UnsafeMutableRawPointer) -> OpaquePointer? {
    let flags =
      MHD_USE_THREAD_PER_CONNECTION.rawValue | MHD_USE_INTERNAL_POLLING_THREAD.rawValue
      | MHD_USE_AUTO.rawValue
    return cmhd_start(
      UInt32(flags), options.host, options.port, serverAccessHandler, context,
      serverRequestCompleted, context, UInt32(clamping: options.connectionTimeout),
      Self.connectionMemory)
  }

  /// Memory per connection for headers and buffers; bodies are copied out in pieces.
  private static let connectionMemory = 64 * 1024
}

/// The HTTP server could not listen where it was asked to.
public struct SandboxServerError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The stable message id, `serve.cannotListen`.
  public let id = "serve.cannotListen"
  /// The address asked for.
  public var host: String
  /// The port asked for.
  public var port: UInt16

  public var description: String {
    "cannot listen on '\(host):\(port)'; expected a free port on a local IPv4 address"
      + "\nhelp: Choose another port with '--port', or 0 to pick a free one."
  }
}
