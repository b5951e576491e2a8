/// Logins and token exchanges: plain JSON bodies, no bearer token.
extension Endpoints {
  /// `POST /auth {id, password}`.
  static func login(id: String, password: Secret) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.id(id, "account id or email")
    let body: JSONValue = ["id": .string(id), "password": .string(password.revealed)]
    return authOperation(
      .login, "/auth", body: body, summary: "log in as '\(id)'", target: id)
  }

  /// `POST /auth {login_token}` with `X-Electricimp-OTP-Token`: the second step of a
  /// two-factor login.
  static func login(
    oneTimePassword: Secret, loginToken: Secret
  ) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.secret(oneTimePassword, "one-time password")
    try ArgumentChecks.secret(loginToken, "login token")
    let body: JSONValue = ["login_token": .string(loginToken.revealed)]
    return authOperation(
      .loginWithOneTimePassword, "/auth", body: body,
      summary: "finish the two-factor login", target: nil,
      headers: [("X-Electricimp-OTP-Token", oneTimePassword.revealed)])
  }

  /// `POST /auth/token {token}` or `{key}`: an access token for a refresh token or a
  /// login key.
  static func exchange(_ renewal: TokenRenewal) throws(ImpCentralError) -> APIOperation {
    let body: JSONValue
    let summary: String
    switch renewal {
    case .refreshToken(let token):
      try ArgumentChecks.secret(token, "refresh token")
      body = ["token": .string(token.revealed)]
      summary = "exchange a refresh token for an access token"
    case .loginKey(let key):
      try ArgumentChecks.secret(key, "login key")
      body = ["key": .string(key.revealed)]
      summary = "exchange a login key for an access token"
    case .none:
      throw .invalidArgument(
        "renewal", "expected a refresh token or a login key to exchange for an access token")
    }
    return authOperation(.exchangeToken, "/auth/token", body: body, summary: summary, target: nil)
  }

  private static func authOperation(
    _ verb: OperationVerb, _ path: String, body: JSONValue, summary: String, target: String?,
    headers extra: [(String, String)] = []
  ) -> APIOperation {
    var headers = HTTPHeaders()
    headers["Content-Type"] = "application/json"
    for (name, value) in extra { headers[name] = value }
    let request = HTTPRequest(method: .post, path: path, headers: headers, body: body.encoded())
    return APIOperation(
      verb: verb, resource: nil, target: target, access: .session, summary: summary,
      request: request, usesBearerToken: false)
  }
}

/// Accounts, refresh tokens and login keys.
extension Endpoints {
  /// `GET /accounts/{id}`; `me` names the caller.
  static func account(id: String) throws(ImpCentralError) -> APIOperation {
    try get(.account, id: id)
  }

  /// `DELETE /accounts/me/refresh_tokens/{id}`; the id is shown masked.
  static func deleteRefreshToken(id: String) throws(ImpCentralError) -> APIOperation {
    var operation = try delete(.refreshToken, id: id)
    operation.target = masked(id)
    operation.summary = "delete refresh token \(masked(id))"
    return operation
  }

  /// `GET /accounts/me/login_keys/{id}`; the id is the key, so it is shown masked.
  static func loginKey(id: String) throws(ImpCentralError) -> APIOperation {
    var operation = try get(.loginKey, id: id)
    operation.target = masked(id)
    operation.summary = "get login key \(masked(id))"
    return operation
  }

  /// `POST /accounts/me/login_keys` with the account password.
  static func createLoginKey(
    password: Secret, description: String?
  ) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.secret(password, "password")
    var operation = try create(
      .loginKey, type: "login_key",
      attributes: AttributeMap().set("description", description).members,
      target: nil, summary: "create login key")
    operation.request.headers["X-Electricimp-Password"] = password.revealed
    return operation
  }

  /// `PATCH /accounts/me/login_keys/{id}` with the account password.
  static func updateLoginKey(
    id: String, password: Secret, description: String?
  ) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.secret(password, "password")
    var operation = try update(
      .loginKey, type: "login_key", id: id,
      attributes: AttributeMap().set("description", description).members)
    operation.target = masked(id)
    operation.summary = "update login key \(masked(id))"
    operation.request.headers["X-Electricimp-Password"] = password.revealed
    return operation
  }

  /// `DELETE /accounts/me/login_keys/{id}` with the account password.
  static func deleteLoginKey(id: String, password: Secret) throws(ImpCentralError) -> APIOperation {
    try ArgumentChecks.secret(password, "password")
    var operation = try delete(.loginKey, id: id)
    operation.target = masked(id)
    operation.summary = "delete login key \(masked(id))"
    operation.request.headers["X-Electricimp-Password"] = password.revealed
    return operation
  }
}
