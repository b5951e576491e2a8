import Foundation

/// What a successful `POST /auth` or `POST /auth/token` returns.
public struct AuthTokens: Sendable, Hashable {
  /// The access token that goes in the bearer header.
  public var accessToken: Secret
  /// When the access token stops working.
  public var expiresAt: Date
  /// A refresh token; only password logins return one.
  public var refreshToken: Secret?

  /// Creates tokens.
  public init(accessToken: Secret, expiresAt: Date, refreshToken: Secret? = nil) {
    self.accessToken = accessToken
    self.expiresAt = expiresAt
    self.refreshToken = refreshToken
  }

  /// Reads `{access_token, expires_in, expires_at, refresh_token?}`.
  ///
  /// `expires_in` seconds counted from `now` win, so a service whose clock is off from
  /// ours does not make every request renew the token; without it, `expires_at`.
  init(json: JSONValue, now: Date) throws(ImpCentralError) {
    guard let token = json["access_token"]?.stringValue, !token.isEmpty else {
      throw .unexpected("impCentral sent no access token in a successful login answer")
    }
    let stated = json["expires_at"]?.stringValue.flatMap(Timestamp.date(from:))
    let lifetime = json["expires_in"]?.numberValue.map { now.addingTimeInterval($0) }
    guard let expiry = lifetime ?? stated else {
      throw .unexpected("impCentral sent an access token without 'expires_at' or 'expires_in'")
    }
    self.init(
      accessToken: Secret(token), expiresAt: expiry,
      refreshToken: json["refresh_token"]?.stringValue.map(Secret.init))
  }
}

/// How a session gets a new access token when the current one nears its end.
public enum TokenRenewal: Sendable, Hashable {
  /// Exchange the refresh token a password login returned.
  case refreshToken(Secret)
  /// Exchange a login key.
  case loginKey(Secret)
  /// The session cannot renew (a temporary login); log in again when the token expires.
  case none
}

/// The credentials a session holds: an access token, its expiry, and how to renew it.
public struct AuthState: Sendable, Hashable {
  /// The access token that goes in the bearer header.
  public var accessToken: Secret
  /// When the access token stops working.
  public var expiresAt: Date
  /// How the session gets its next access token.
  public var renewal: TokenRenewal

  /// Creates a state.
  public init(accessToken: Secret, expiresAt: Date, renewal: TokenRenewal) {
    self.accessToken = accessToken
    self.expiresAt = expiresAt
    self.renewal = renewal
  }
}

/// The result of a password login.
public enum LoginResult: Sendable, Hashable {
  /// The login succeeded.
  case loggedIn(AuthTokens)
  /// The account uses two-factor authentication: send a one-time password with this
  /// login token to finish logging in.
  case needsOneTimePassword(loginToken: Secret)
}
