import ImpCentral

/// `POST /auth` (password and two-factor login) and `POST /auth/token` (token exchange).
enum AuthRoutes {
  /// The endpoints this file serves.
  static let routes: [Route] = [
    .open(.post, "/auth", login),
    .open(.post, "/auth/token", exchange),
  ]

  /// Logs in with an id and password, or finishes a two-factor login.
  static func login(_ tx: Transaction, _ request: APIRequest) throws -> Reply {
    let body = try members(request)
    if let loginToken = body["login_token"] {
      return try finishTwoFactor(loginToken, request, tx)
    }
    let id = try nonEmptyString(body, "id")
    guard let password = body["password"]?.stringValue else {
      throw APIError.invalidAttribute("password", "must be a string")
    }
    guard let account = try tx.db.account(login: id), account.checkPassword(password) else {
      throw APIError.invalidCredentials()
    }
    guard account.otpHash == nil else {
      return Reply.committedFailure(try startTwoFactor(account, tx), tx)
    }
    return try tokens(for: account, tx)
  }

  private static func startTwoFactor(_ account: Account, _ tx: Transaction) throws -> APIError {
    let token = tx.hex(bytes: 24)
    try tx.db.execute(
      "DELETE FROM login_tokens WHERE expires_at <= ?", [.text(tx.timestamp)])
    try tx.db.execute(
      "INSERT INTO login_tokens (token_hash, account_id, expires_at) VALUES (?, ?, ?)",
      [
        .text(Secrets.tokenDigest(token)), .text(account.id),
        .text(tx.timestamp(after: tx.configuration.loginTokenLifetime)),
      ])
    return APIError.twoFactorRequired(loginToken: token)
  }

  private static func finishTwoFactor(
    _ value: JSONValue, _ request: APIRequest, _ tx: Transaction
  ) throws -> Reply {
    guard let token = value.stringValue, !token.isEmpty else {
      throw APIError.invalidAttribute("login_token", "must be a non-empty string")
    }
    let digest = Secrets.tokenDigest(token)
    let accountID = try tx.db.first(
      "SELECT account_id FROM login_tokens WHERE token_hash = ? AND expires_at > ?",
      [.text(digest), .text(tx.timestamp)]
    ) { $0.text(0) }
    guard let accountID, let account = try tx.db.account(id: accountID),
      account.checkOneTimePassword(request.headers["X-Electricimp-OTP-Token"])
    else {
      throw APIError.invalidOneTimePassword()
    }
    try tx.db.execute("DELETE FROM login_tokens WHERE token_hash = ?", [.text(digest)])
    return try tokens(for: account, tx)
  }

  private static func tokens(for account: Account, _ tx: Transaction) throws -> Reply {
    var body = try Authentication.issueAccessToken(for: account, tx)
    body["refresh_token"] = .string(try Authentication.issueRefreshToken(for: account, tx))
    return Reply(status: 200, body: .object(body))
  }

  /// Exchanges a refresh token (`token`) or a login key (`key`) for an access token.
  static func exchange(_ tx: Transaction, _ request: APIRequest) throws -> Reply {
    let body = try members(request)
    guard (body["token"] == nil) != (body["key"] == nil) else {
      throw APIError.invalidDocument(
        "The request body needs exactly one of 'token' (a refresh token) and 'key' (a login key).")
    }
    let account: Account
    if body["token"] != nil {
      account = try refreshTokenAccount(try nonEmptyString(body, "token"), tx)
    } else {
      account = try loginKeyAccount(try nonEmptyString(body, "key"), tx)
    }
    return Reply(status: 200, body: .object(try Authentication.issueAccessToken(for: account, tx)))
  }

  private static func refreshTokenAccount(_ token: String, _ tx: Transaction) throws -> Account {
    let digest = Secrets.tokenDigest(token)
    let accountID = try tx.db.first(
      "SELECT account_id FROM refresh_tokens WHERE token_hash = ?", [.text(digest)]
    ) { $0.text(0) }
    guard let accountID, let account = try tx.db.account(id: accountID) else {
      throw APIError.credentialNotFound("refresh token")
    }
    try tx.db.execute(
      "UPDATE refresh_tokens SET updated_at = ? WHERE token_hash = ?",
      [.text(tx.timestamp), .text(digest)])
    return account
  }

  private static func loginKeyAccount(_ key: String, _ tx: Transaction) throws -> Account {
    let accountID = try tx.db.first(
      "SELECT account_id FROM login_keys WHERE id = ?", [.text(key)]
    ) { $0.text(0) }
    guard let accountID, let account = try tx.db.account(id: accountID) else {
      throw APIError.credentialNotFound("login key")
    }
    try tx.db.execute(
      "UPDATE login_keys SET usages = usages + 1 WHERE id = ?", [.text(key)])
    return account
  }

  private static func members(_ request: APIRequest) throws -> [String: JSONValue] {
    guard let members = try request.json().objectValue else {
      throw APIError.invalidDocument("The request body must be a JSON object.")
    }
    return members
  }

  private static func nonEmptyString(_ body: [String: JSONValue], _ name: String) throws -> String {
    guard let text = body[name]?.stringValue, !text.isEmpty else {
      throw APIError.invalidAttribute(name, "must be a non-empty string")
    }
    return text
  }
}
