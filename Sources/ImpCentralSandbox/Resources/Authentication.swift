import ImpCentral

/// Access tokens: minting them and finding the account behind one.
enum Authentication {
  /// The account whose unexpired access token the request carries.
  static func caller(_ request: APIRequest, _ tx: Transaction) throws -> Account {
    guard let token = request.bearerToken else { throw APIError.missingToken() }
    let digest = Secrets.tokenDigest(token)
    guard let account = try tx.db.account(accessTokenDigest: digest, now: tx.timestamp) else {
      throw APIError.invalidToken()
    }
    return account
  }

  /// Mints an access token for `account`: the `access_token`, `expires_in` and `expires_at`
  /// members of a login answer.
  static func issueAccessToken(
    for account: Account, _ tx: Transaction
  ) throws -> [String: JSONValue] {
    let lifetime = tx.configuration.accessTokenLifetime
    let token = IdentifierFormat.token(tx.bytes(40))
    let expiresAt = tx.timestamp(after: lifetime)
    try tx.db.execute(
      "DELETE FROM access_tokens WHERE account_id = ? AND expires_at <= ?",
      [.text(account.id), .text(tx.timestamp)])
    try tx.db.execute(
      """
      INSERT INTO access_tokens (token_hash, account_id, expires_at, created_at)
      VALUES (?, ?, ?, ?)
      """,
      [.text(Secrets.tokenDigest(token)), .text(account.id), .text(expiresAt), .text(tx.timestamp)]
    )
    let seconds: JSONValue =
      lifetime.rounded() == lifetime ? .number(lifetime) : .number(lifetime.rounded(.down))
    return [
      "access_token": .string(token), "expires_in": seconds, "expires_at": .string(expiresAt),
    ]
  }

  /// Mints a refresh token for `account`; its resource id is separate from the secret.
  static func issueRefreshToken(for account: Account, _ tx: Transaction) throws -> String {
    let token = tx.hex(bytes: 32)
    try tx.db.execute(
      """
      INSERT INTO refresh_tokens (id, token_hash, account_id, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?)
      """,
      [
        .text(tx.uuid()), .text(Secrets.tokenDigest(token)), .text(account.id),
        .text(tx.timestamp), .text(tx.timestamp),
      ])
    return token
  }
}
