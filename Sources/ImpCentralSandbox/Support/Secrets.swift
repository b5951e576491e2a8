/// Salted hashes for passwords, one-time passwords, unbond keys and bearer tokens.
///
/// Secrets never sit in the database in clear: a login that presents one is checked by
/// hashing it again. Login keys are the exception, because the API lists them.
enum Secrets {
  /// The hex digest of `secret` under `salt`.
  static func hash(_ secret: String, salt: String) -> String {
    SHA256.hex(salt + "\u{0}" + secret)
  }

  /// The digest a bearer or login token is stored under.
  static func tokenDigest(_ token: String) -> String {
    SHA256.hex("token\u{0}" + token)
  }

  /// Whether `secret` hashes to `expected`, comparing in time independent of the match.
  static func matches(_ secret: String, salt: String, expected: String) -> Bool {
    let actual = Array(hash(secret, salt: salt).utf8)
    let wanted = Array(expected.utf8)
    guard actual.count == wanted.count else { return false }
    return zip(actual, wanted).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
  }
}
