import ImpCentral
import ImptLanguage

/// What a command's action may use: the client, the terminal, the session.
///
/// The shell's session provides it; tests provide their own over an in-process sandbox.
public protocol CommandServices: CommandContext {
  /// The client for the session's backend, in live or dry-run mode.
  var client: ImpCentralClient { get }
  /// Questions to the person at the terminal, if there is one.
  var interaction: any Interaction { get }
  /// Login, logout and login details of the session.
  var auth: any AuthControl { get }
  /// The sandbox's hardware simulation, when the backend is the sandbox.
  var sandbox: (any SandboxControl)? { get }
  /// The session's current product and device group.
  var context: SessionContext { get }
  /// Whether writes are planned rather than sent (`--dry-run`, `explain`).
  var isDryRun: Bool { get }
  /// The folder relative paths are read from and written to.
  var workingFolder: String { get }

  /// Tells the user what happened (`created product 'MyProduct'`), apart from results.
  func note(_ text: String)
  /// Shows a value while the command is still running (log lines of a stream).
  func emit(_ value: Value)
  /// Told that an entity was deleted, so the session stops using it: a deleted product
  /// or device group leaves the session's context.
  func entityDeleted(kind: ResourceKind, id: String)
}

extension CommandServices {
  /// Does nothing: services without a session context have nothing to forget.
  public func entityDeleted(kind: ResourceKind, id: String) {}
}

/// The session's current product and device group, as ids and the names typed for them.
public struct SessionContext: Sendable, Hashable {
  public var productID: String?
  public var productName: String?
  public var deviceGroupID: String?
  public var deviceGroupName: String?
  /// The code files of the working folder's `.impt.project`, which `build deploy` and
  /// `build run` use for its device group when no file option is given; nil without one.
  public var project: ProjectCode?

  /// Creates a context.
  public init(
    productID: String? = nil, productName: String? = nil,
    deviceGroupID: String? = nil, deviceGroupName: String? = nil, project: ProjectCode? = nil
  ) {
    self.productID = productID
    self.productName = productName
    self.deviceGroupID = deviceGroupID
    self.deviceGroupName = deviceGroupName
    self.project = project
  }
}

/// Questions for the person at the terminal.
public protocol Interaction: Sendable {
  /// Whether a person can answer: standard input and output are a terminal.
  var isInteractive: Bool { get }
  /// Shows `summary` lines and asks a yes-or-no question; false on no, EOF or Ctrl-C.
  func confirm(summary: [String], question: String) async -> Bool
  /// Reads a secret without echo; nil on EOF or Ctrl-C.
  func readSecret(prompt: String) async -> String?
  /// Reads a line with echo; nil on EOF or Ctrl-C.
  func readLine(prompt: String) async -> String?
}

/// Logging in and out, which changes the session itself.
public protocol AuthControl: Sendable {
  /// Logs in and makes the new login the session's; returns what `auth info` shows.
  func login(_ request: LoginRequest) async throws -> Value
  /// Forgets a saved login (`local`: the one of the working folder).
  func logout(local: Bool) async throws -> Value
  /// What the session is logged in as, and how.
  func info() async throws -> Value
}

/// What `auth login` asks for.
public struct LoginRequest: Sendable {
  public enum Method: Sendable {
    case password(user: String, password: Secret, oneTimePassword: Secret?)
    case loginKey(Secret)
  }

  public var method: Method
  /// The API base to log in to; nil keeps the session's.
  public var endpoint: String?
  /// Keep no refresh token or login key: the login ends when the access token does.
  public var temporary: Bool
  /// Save the login for the working folder only.
  public var local: Bool

  /// Creates a request.
  public init(method: Method, endpoint: String?, temporary: Bool, local: Bool) {
    self.method = method
    self.endpoint = endpoint
    self.temporary = temporary
    self.local = local
  }
}

extension CommandContext {
  /// The context as the services command actions need.
  ///
  /// Throws an imptsh-bug error when the shell handed an action something else.
  func services() throws -> any CommandServices {
    guard let services = self as? any CommandServices else {
      throw CommandError.bug("the command context does not provide command services")
    }
    return services
  }
}
