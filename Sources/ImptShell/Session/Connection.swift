import Foundation
import ImpCentral
import ImpCentralSandbox
import ImptCommands

/// A session's link to its backend: the client, and the sandbox when it is one.
public struct Connection: Sendable {
  public var client: ImpCentralClient
  /// The embedded sandbox, when the backend is one; nil for an HTTP endpoint.
  public var sandbox: Sandbox?
  /// What the prompt and banner call the backend: `sandbox`, `sandbox :memory:`,
  /// or the endpoint's host.
  public var label: String
  /// A sentence for the banner saying what is in use and why.
  public var banner: String
  /// The saved-login file that should receive renewed tokens, if any.
  public var savedLoginPath: String?
  /// Why this backend is in use: `--endpoint`, `IMPT_LOGINKEY`, `auth login`…; nil when
  /// not told.
  public var reason: String?
  /// For `--check`, which connects nowhere: whether to check as if on the sandbox.
  var checksAsSandbox = false
  /// The admin API's base when the endpoint is a sandbox served by `imptsh --serve`:
  /// `http://127.0.0.1:8421/sandbox/v1`; nil otherwise.
  public var servedSandbox: URL?

  /// Creates a connection.
  init(
    client: ImpCentralClient, sandbox: Sandbox?, label: String, banner: String,
    savedLoginPath: String?, checksAsSandbox: Bool = false
  ) {
    self.client = client
    self.sandbox = sandbox
    self.label = label
    self.banner = banner
    self.savedLoginPath = savedLoginPath
    self.checksAsSandbox = checksAsSandbox
  }

  /// Whether the backend is the embedded sandbox.
  public var isSandbox: Bool { sandbox != nil || checksAsSandbox }

  /// Whether the backend is emulated, embedded or served: `sandbox` commands work there
  /// and nothing touches real devices.
  public var isEmulated: Bool { isSandbox || servedSandbox != nil }
}

/// Opens the backend a `BackendChoice` names and logs in there.
public struct Connector: Sendable {
  public var dataFolder: DataFolder
  public var interaction: any Interaction
  public var logger: Logger
  public var observer: OperationObserver?
  /// Hosts other than this machine that may be asked whether they are a served sandbox
  /// (`IMPTSH_SANDBOX_HOSTS`), lowercased.
  public var sandboxHosts: Set<String> = []
  /// Told when the client is about to wait a long time before retrying, so the user
  /// knows why nothing happens.
  public var onLongWait: (@Sendable (String) -> Void)?
  /// Delivers the webhook calls of the sandboxes it opens, and knows which are on the way.
  public var webhooks = HTTPWebhookDeliverer()

  /// Creates a connector.
  public init(
    dataFolder: DataFolder, interaction: any Interaction, logger: Logger = .disabled,
    observer: OperationObserver? = nil
  ) {
    self.dataFolder = dataFolder
    self.interaction = interaction
    self.logger = logger
    self.observer = observer
  }

  /// Opens `choice`.
  public func open(_ choice: BackendChoice) async throws -> Connection {
    switch choice {
    case .sandbox(let path, let reason):
      return try await openSandbox(path: path, reason: reason)
    case .remote(let endpoint, let login, let reason):
      return try await openRemote(endpoint: endpoint, login: login, reason: reason)
    }
  }

  /// The embedded sandbox at `path`, logged in as its seeded account.
  ///
  /// `clock` and `identifiers` make a sandbox whose output repeats exactly, for tests.
  public func openSandbox(
    path: String, reason: String, clock: any WallClock = SystemClock(),
    identifiers: any IdentifierSource = RandomIdentifiers()
  ) async throws -> Connection {
    if path == dataFolder.sandboxPath { try dataFolder.create() }
    let sandbox: Sandbox
    do {
      sandbox = try Sandbox(
        path: path, clock: clock, identifiers: identifiers,
        deliverer: webhooks, logger: logger.child("sandbox"))
    } catch {
      throw CommandError(
        "session.sandboxUnavailable", "cannot open the sandbox at '\(path)': \(error)",
        help: ["Pass another file with --sandbox PATH, or --sandbox :memory: for a throwaway one."])
    }
    let client = makeClient(InProcessTransport(responder: sandbox), session: AuthSession())
    let account = SandboxAccounts.standard
    _ = try await client.login(id: account.username, password: Secret(account.password))
    let where_ = path == ":memory:" ? "a throwaway in-memory sandbox" : "the sandbox at \(path)"
    return Connection(
      client: client, sandbox: sandbox,
      label: path == ":memory:" ? "sandbox:memory" : "sandbox",
      banner: "connected to \(where_) (emulated impCentral, no real devices), "
        + "logged in as '\(account.username)'",
      savedLoginPath: nil)
  }

  /// The client for a sandbox or endpoint, with the connector's logger and observer.
  func makeClient(_ transport: any Transport, session: AuthSession) -> ImpCentralClient {
    var policy = RetryPolicy.standard
    if let onLongWait {
      policy.onLongWait = { notice in onLongWait(Self.waitText(notice)) }
    }
    return ImpCentralClient(
      transport: transport, session: session, retryPolicy: policy, observer: observer,
      logger: logger.child("impcentral"))
  }

  /// `waiting 3 s before trying again: the service asked to slow down (to list products)`.
  static func waitText(_ notice: RetryNotice) -> String {
    let reason =
      notice.reason == .rateLimited
      ? "the service asked to slow down" : "the request failed on the way"
    let seconds = String(format: notice.seconds < 10 ? "%.1f" : "%.0f", notice.seconds)
    return "waiting \(seconds) s before trying again: \(reason) (to \(notice.operation))"
  }
}
