/// The typed impCentral API v5 client.
///
/// Every method builds an `APIOperation` and runs it through one path that adds the
/// bearer token (renewing it when needed), applies the retry policy, honours the
/// execution mode, tells the observer and maps failures to `ImpCentralError`. Every error
/// a method throws is an `ImpCentralError`.
///
/// The client is a value: copies share the transport, the session and the dry-run
/// ledger, so `var planning = client; planning.mode = .dryRun(recorder)` plans against
/// the same login.
public struct ImpCentralClient: Sendable {
  /// Carries requests to the service or the sandbox.
  public let transport: any Transport
  /// The login the client's requests use.
  public let session: AuthSession
  /// Whether writes are sent.
  public var mode: ExecutionMode
  /// When to send a request again.
  public var retryPolicy: RetryPolicy
  /// Sees every operation performed.
  public var observer: OperationObserver?
  /// Receives debug records of each request.
  public var logger: Logger
  /// Tells the time for made-up timestamps and token expiry.
  public let clock: any WallClock
  let ledger: DryRunLedger

  /// Creates a client.
  public init(
    transport: any Transport,
    session: AuthSession = AuthSession(),
    mode: ExecutionMode = .live,
    retryPolicy: RetryPolicy = .standard,
    observer: OperationObserver? = nil,
    logger: Logger = .disabled,
    clock: any WallClock = SystemClock()
  ) {
    self.transport = transport
    self.session = session
    self.mode = mode
    self.retryPolicy = retryPolicy
    self.observer = observer
    self.logger = logger
    self.clock = clock
    ledger = DryRunLedger()
  }
}
