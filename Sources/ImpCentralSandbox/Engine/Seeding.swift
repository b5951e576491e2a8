/// Fills a new database with the seeded accounts.
enum Seeding {
  /// Inserts every account of `SandboxAccounts.all`.
  static func seed(_ tx: Transaction) throws {
    for account in SandboxAccounts.all {
      try insert(account, tx)
    }
  }

  private static func insert(_ seed: SandboxAccounts.Seed, _ tx: Transaction) throws {
    let salt = tx.hex(bytes: 16)
    let otp = seed.oneTimePassword.map { Secrets.hash($0, salt: salt) }
    let unbond = seed.unbondKey.map { Secrets.hash($0, salt: salt) }
    try tx.db.execute(
      """
      INSERT INTO accounts (id, username, email, tier, salt, password_hash, otp_hash,
        unbond_key_hash, production_enabled, login_key_limit, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(tx.uuid()), .text(seed.username), .text(seed.email), .text(seed.tier),
        .text(salt), .text(Secrets.hash(seed.password, salt: salt)), .text(otp),
        .text(unbond), .bool(seed.productionEnabled), .int(seed.loginKeyLimit),
        .text(tx.timestamp), .text(tx.timestamp),
      ])
  }
}
