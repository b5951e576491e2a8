/// One call to the impCentral API as a value: what it does, to what, and the request.
///
/// Every client method builds one of these and hands it to the client's single
/// execution path, so `explain`, `--dry-run` and request counting see every call the
/// same way. Descriptions of an operation never show a secret.
public struct APIOperation: Sendable, Hashable {
  /// What the operation does.
  public var verb: OperationVerb
  /// The kind of resource it acts on; nil for logins and token exchanges.
  public var resource: ResourceKind?
  /// The id or name of the resource it acts on, shortened if it is a secret.
  public var target: String?
  /// Whether it only reads, changes only the caller's session, or changes stored data.
  public var access: OperationAccess
  /// One line for people: `create production device group 'MyProductionDG' in product 4e26…`.
  public var summary: String
  /// The request, without the `Authorization` header (added when sent).
  public var request: HTTPRequest
  /// Whether the request carries the session's bearer token.
  public var usesBearerToken: Bool

  /// Creates an operation.
  public init(
    verb: OperationVerb,
    resource: ResourceKind?,
    target: String?,
    access: OperationAccess,
    summary: String,
    request: HTTPRequest,
    usesBearerToken: Bool = true
  ) {
    self.verb = verb
    self.resource = resource
    self.target = target
    self.access = access
    self.summary = summary
    self.request = request
    self.usesBearerToken = usesBearerToken
  }

  /// Whether a dry run must not send it.
  public var isWrite: Bool { access == .write }
}

/// What an operation does.
public enum OperationVerb: String, Sendable, Hashable, CaseIterable {
  case list
  case get
  case create
  case update
  case delete
  /// Add devices to a device group.
  case assign
  /// Remove devices from a device group.
  case unassign
  case restart
  case conditionalRestart
  /// Set a device group's minimum supported deployment.
  case setMinSupported
  /// Log in with an id and password.
  case login
  /// Finish a two-factor login with a one-time password.
  case loginWithOneTimePassword
  /// Exchange a refresh token or login key for an access token.
  case exchangeToken
  /// Add a device to a log stream.
  case subscribe
  /// Remove a device from a log stream.
  case unsubscribe
  /// Open a log stream's event channel.
  case openEvents
}

/// How far an operation reaches.
public enum OperationAccess: String, Sendable, Hashable {
  /// Reads stored data.
  case read
  /// Changes only the caller's session: logins, token exchanges, log streams.
  /// A dry run still sends these.
  case session
  /// Changes stored data. A dry run does not send these.
  case write
}
