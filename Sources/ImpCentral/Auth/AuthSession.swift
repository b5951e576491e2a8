import Foundation

/// The caller's login: the current access token, its expiry and how to renew it.
///
/// An actor because every request of a client reads it and any of them may renew it.
/// A token that ends within `renewalWindow` is renewed before use; concurrent callers
/// share one renewal. New credentials are handed to `onChange` so the shell can save them.
public actor AuthSession {
  /// Gets new tokens for a renewal; the client supplies it (`POST /auth/token`).
  public typealias Renewer = @Sendable (TokenRenewal) async throws -> AuthTokens

  /// The current credentials; nil when logged out.
  public private(set) var state: AuthState?
  private let clock: any WallClock
  private let renewalWindow: TimeInterval
  private let onChange: (@Sendable (AuthState?) -> Void)?
  private var renewal: Task<AuthState, any Error>?

  /// Creates a session.
  ///
  /// - Parameters:
  ///   - state: the credentials to start with; nil when not logged in.
  ///   - clock: tells the time when checking expiry.
  ///   - renewalWindow: renew a token that ends within this many seconds (3 minutes).
  ///   - onChange: told about every new state, including logging out (nil).
  public init(
    state: AuthState? = nil,
    clock: any WallClock = SystemClock(),
    renewalWindow: TimeInterval = 180,
    onChange: (@Sendable (AuthState?) -> Void)? = nil
  ) {
    self.state = state
    self.clock = clock
    self.renewalWindow = renewalWindow
    self.onChange = onChange
  }

  /// Replaces the credentials, as after a login.
  public func install(_ state: AuthState) {
    self.state = state
    onChange?(state)
  }

  /// Forgets the credentials, as after a logout.
  public func clear() {
    state = nil
    onChange?(nil)
  }

  /// Changes how the session renews, keeping the current token; `.none` for a
  /// temporary login.
  public func setRenewal(_ renewal: TokenRenewal) {
    guard var state else { return }
    state.renewal = renewal
    install(state)
  }

  /// An access token good for at least `renewalWindow`, renewing first when needed.
  ///
  /// A session that cannot renew keeps using its token until it has actually expired.
  func accessToken(renewer: @escaping Renewer) async throws -> Secret {
    if let renewal { return try await renewal.value.accessToken }
    guard let state else { throw Self.notLoggedIn }

    let remaining = state.expiresAt.timeIntervalSince(clock.now())
    if remaining >= renewalWindow { return state.accessToken }
    guard state.renewal != .none else {
      if remaining > 0 { return state.accessToken }
      throw Self.expiredWithoutRenewal
    }
    return try await renew(state, renewer).accessToken
  }

  /// A new access token after the service refused `rejected`.
  ///
  /// When another caller already renewed, its token is returned without renewing again.
  func accessToken(
    afterRejecting rejected: Secret, renewer: @escaping Renewer
  ) async throws -> Secret {
    if let renewal { return try await renewal.value.accessToken }
    guard let state else { throw Self.notLoggedIn }
    if state.accessToken != rejected { return state.accessToken }
    guard state.renewal != .none else { throw Self.rejectedWithoutRenewal }
    return try await renew(state, renewer).accessToken
  }

  private func renew(_ current: AuthState, _ renewer: @escaping Renewer) async throws
    -> AuthState
  {
    let task = Task { try await Self.renewed(current, renewer) }
    renewal = task
    defer { renewal = nil }
    let next = try await task.value
    install(next)
    return next
  }

  private static func renewed(_ current: AuthState, _ renewer: Renewer) async throws
    -> AuthState
  {
    let tokens: AuthTokens
    do {
      tokens = try await renewer(current.renewal)
    } catch {
      throw renewalFailure(error)
    }
    var renewal = current.renewal
    if case .refreshToken = renewal, let fresh = tokens.refreshToken {
      renewal = .refreshToken(fresh)
    }
    return AuthState(
      accessToken: tokens.accessToken, expiresAt: tokens.expiresAt, renewal: renewal)
  }

  /// A refusal of the renewal becomes "log in again"; a network failure stays what it is.
  private static func renewalFailure(_ error: any Error) -> ImpCentralError {
    guard let error = error as? ImpCentralError else {
      return ImpCentralError(
        .unauthorized, "could not renew the access token", help: relogin, cause: error)
    }
    if error.id.rawValue.hasPrefix("transport.") { return error }
    return ImpCentralError(
      .unauthorized, "could not renew the access token: " + error.message, help: relogin,
      status: error.status, errors: error.errors, cause: error)
  }

  private static let relogin = "Log in again to get a new access token."

  private static let notLoggedIn = ImpCentralError(
    .unauthorized, "not logged in to impCentral", help: "Log in to impCentral first.")

  private static let expiredWithoutRenewal = ImpCentralError(
    .unauthorized, "the access token has expired and this login cannot renew it",
    help: "Log in again; a temporary login ends when its access token expires.")

  private static let rejectedWithoutRenewal = ImpCentralError(
    .unauthorized, "impCentral refused the access token and this login cannot renew it",
    help: relogin)
}
