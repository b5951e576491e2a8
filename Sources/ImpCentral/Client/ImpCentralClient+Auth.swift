/// Logins, token exchanges, accounts, refresh tokens and login keys.
extension ImpCentralClient {
  /// Logs in with an account id (email or username) and password: `POST /auth`.
  ///
  /// On success the session holds the new token and renews it with the refresh token.
  /// An account with two-factor authentication answers `.needsOneTimePassword`; finish
  /// with `login(oneTimePassword:loginToken:)`.
  public func login(id: String, password: Secret) async throws -> LoginResult {
    let operation = try Endpoints.login(id: id, password: password)
    // A `catch … where` here crashed swift-frontend 6.3.1 (MandatoryAllocBoxToStack), so
    // the outcome goes through a Result instead.
    let result: Result<AuthTokens, ImpCentralError>
    do {
      result = .success(try await tokens(from: operation))
    } catch {
      result = .failure(error)
    }
    return try Self.loginResult(result)
  }

  /// Turns a 403 carrying a login token into a request for a one-time password, and
  /// gives a refused password a help line of its own.
  private static func loginResult(
    _ result: Result<AuthTokens, ImpCentralError>
  ) throws(ImpCentralError) -> LoginResult {
    switch result {
    case .success(let tokens):
      return .loggedIn(tokens)
    case .failure(let error):
      if error.status == 403, let token = error.errors.lazy.compactMap(\.loginToken).first {
        return .needsOneTimePassword(loginToken: Secret(token))
      }
      var refused = error
      if error.status == 401 {
        refused.help = "Check the account id and password, then log in again."
      }
      throw refused
    }
  }

  /// Finishes a two-factor login: `POST /auth` with the login token and the one-time
  /// password in `X-Electricimp-OTP-Token`.
  public func login(oneTimePassword: Secret, loginToken: Secret) async throws -> AuthTokens {
    try await tokens(
      from: try Endpoints.login(oneTimePassword: oneTimePassword, loginToken: loginToken))
  }

  /// Logs in with a login key: `POST /auth/token {key}`. The session renews with the key.
  public func login(loginKey: Secret) async throws -> AuthTokens {
    let tokens = try await requestTokens(.loginKey(loginKey))
    await install(tokens, fallback: .loginKey(loginKey))
    return tokens
  }

  /// Gets a new access token for a refresh token: `POST /auth/token {token}`.
  public func login(refreshToken: Secret) async throws -> AuthTokens {
    let tokens = try await requestTokens(.refreshToken(refreshToken))
    await install(tokens, fallback: .refreshToken(refreshToken))
    return tokens
  }

  private func tokens(from operation: APIOperation) async throws(ImpCentralError) -> AuthTokens {
    let response = try await perform(operation)
    let tokens = try AuthTokens(json: try JSONAPIBody.parse(response.body), now: clock.now())
    await install(tokens, fallback: .none)
    return tokens
  }

  private func install(_ tokens: AuthTokens, fallback: TokenRenewal) async {
    let renewal = tokens.refreshToken.map(TokenRenewal.refreshToken) ?? fallback
    await session.install(
      AuthState(accessToken: tokens.accessToken, expiresAt: tokens.expiresAt, renewal: renewal))
  }

  /// The caller's account: `GET /accounts/me`.
  public func me() async throws -> Account {
    try await resource(try Endpoints.account(id: "me"))
  }

  /// An account by id: `GET /accounts/{id}`.
  public func account(id: String) async throws -> Account {
    try await resource(try Endpoints.account(id: id))
  }

  /// Every account visible to the caller: `GET /accounts`, all pages.
  public func accounts(progress: ListProgress? = nil) async throws -> [Account] {
    try await listAll(Account.self, progress: progress)
  }

  /// The caller's active refresh tokens: `GET /accounts/me/refresh_tokens`, all pages.
  public func refreshTokens(progress: ListProgress? = nil) async throws -> [RefreshToken] {
    try await listAll(RefreshToken.self, progress: progress)
  }

  /// Revokes a refresh token: `DELETE /accounts/me/refresh_tokens/{id}`.
  public func deleteRefreshToken(id: String) async throws {
    try await discard(try Endpoints.deleteRefreshToken(id: id))
  }

  /// The caller's login keys: `GET /accounts/me/login_keys`, all pages.
  public func loginKeys(progress: ListProgress? = nil) async throws -> [LoginKey] {
    try await listAll(LoginKey.self, progress: progress)
  }

  /// A login key: `GET /accounts/me/login_keys/{id}`.
  public func loginKey(id: String) async throws -> LoginKey {
    try await resource(try Endpoints.loginKey(id: id))
  }

  /// Creates a login key; needs the account password.
  public func createLoginKey(password: Secret, description: String? = nil) async throws
    -> LoginKey
  {
    try await resource(try Endpoints.createLoginKey(password: password, description: description))
  }

  /// Changes a login key's description; needs the account password.
  public func updateLoginKey(id: String, password: Secret, description: String?) async throws
    -> LoginKey
  {
    try await resource(
      try Endpoints.updateLoginKey(id: id, password: password, description: description))
  }

  /// Deletes a login key; needs the account password.
  public func deleteLoginKey(id: String, password: Secret) async throws {
    try await discard(try Endpoints.deleteLoginKey(id: id, password: password))
  }
}
