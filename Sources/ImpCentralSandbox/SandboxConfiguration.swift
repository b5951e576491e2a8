/// How a sandbox behaves where impCentral's behaviour is unknown or tunable.
public struct SandboxConfiguration: Sendable {
  /// The API base for absolute links: `http://127.0.0.1:8080/v5`, no trailing slash.
  public var baseURL: String
  /// How long an access token lasts, in seconds (impCentral: 3600).
  public var accessTokenLifetime: Double
  /// How long the login token of a two-factor login lasts, in seconds.
  public var loginTokenLifetime: Double
  /// The request limit; nil turns rate limiting off (the default), and then responses
  /// carry no `X-RateLimit-*` headers.
  public var rateLimit: RateLimit?
  /// How many log streams one account may have open; a new one closes the oldest.
  public var streamsPerAccount: Int
  /// How many devices one log stream may follow; a new one drops the oldest.
  public var devicesPerStream: Int
  /// The HTTP status for rule conflicts (duplicate names, flagged, dependents): 409 or 400.
  public var conflictStatus: Int
  /// How many log entries the sandbox keeps per device.
  public var logEntriesPerDevice: Int

  /// A request budget per access token: `limit` requests every `window` seconds.
  public struct RateLimit: Sendable, Equatable {
    /// Requests allowed per window.
    public var limit: Int
    /// The window in seconds.
    public var window: Double

    /// Creates a limit; impCentral reports 40 requests a second.
    public init(limit: Int = 40, window: Double = 1) {
      self.limit = limit
      self.window = window
    }
  }

  /// The default API base when the sandbox runs in-process.
  public static let defaultBaseURL = "http://sandbox.imptsh.invalid/v5"

  /// Creates a configuration; every value has impCentral's default.
  public init(
    baseURL: String = Self.defaultBaseURL,
    accessTokenLifetime: Double = 3600,
    loginTokenLifetime: Double = 300,
    rateLimit: RateLimit? = nil,
    streamsPerAccount: Int = 1,
    devicesPerStream: Int = 5,
    conflictStatus: Int = 409,
    logEntriesPerDevice: Int = 1000
  ) {
    self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    self.accessTokenLifetime = accessTokenLifetime
    self.loginTokenLifetime = loginTokenLifetime
    self.rateLimit = rateLimit
    self.streamsPerAccount = max(1, streamsPerAccount)
    self.devicesPerStream = max(1, devicesPerStream)
    self.conflictStatus = conflictStatus
    self.logEntriesPerDevice = max(1, logEntriesPerDevice)
  }
}
