/// An account row.
///
/// Each field mirrors the table column of the same name; `init(_:)` reads a row selected
/// with `columns`.
struct Account {
  var id: String
  var username: String
  var email: String
  var tier: String
  var salt: String
  var passwordHash: String
  var otpHash: String?
  var unbondKeyHash: String?
  var productionEnabled: Bool
  var loginKeyLimit: Int
  var createdAt: String
  var updatedAt: String

  static let columns = """
    id, username, email, tier, salt, password_hash, otp_hash, unbond_key_hash,
    production_enabled, login_key_limit, created_at, updated_at
    """

  init(_ row: Row) {
    id = row.text(0)
    username = row.text(1)
    email = row.text(2)
    tier = row.text(3)
    salt = row.text(4)
    passwordHash = row.text(5)
    otpHash = row.optionalText(6)
    unbondKeyHash = row.optionalText(7)
    productionEnabled = row.bool(8)
    loginKeyLimit = row.int(9)
    createdAt = row.text(10)
    updatedAt = row.text(11)
  }

  /// Whether `password` is this account's password.
  func checkPassword(_ password: String) -> Bool {
    Secrets.matches(password, salt: salt, expected: passwordHash)
  }

  /// Whether `key` is this account's unbond key.
  func checkUnbondKey(_ key: String?) -> Bool {
    guard let key, let unbondKeyHash else { return false }
    return Secrets.matches(key, salt: salt, expected: unbondKeyHash)
  }

  /// Whether `otp` is this account's one-time password.
  func checkOneTimePassword(_ otp: String?) -> Bool {
    guard let otp, let otpHash else { return false }
    return Secrets.matches(otp, salt: salt, expected: otpHash)
  }
}

extension Database {
  /// The account with `id`.
  func account(id: String) throws -> Account? {
    try first("SELECT \(Account.columns) FROM accounts WHERE id = ?", [.text(id)], Account.init)
  }

  /// The account whose username or email is `login`, ignoring case.
  func account(login: String) throws -> Account? {
    try first(
      "SELECT \(Account.columns) FROM accounts WHERE username = ?1 OR email = ?1",
      [.text(login)], Account.init)
  }

  /// The account an unexpired access token belongs to.
  func account(accessTokenDigest digest: String, now: String) throws -> Account? {
    try first(
      """
      SELECT \(Account.columns) FROM accounts
      WHERE id = (SELECT account_id FROM access_tokens WHERE token_hash = ? AND expires_at > ?)
      """, [.text(digest), .text(now)], Account.init)
  }
}
