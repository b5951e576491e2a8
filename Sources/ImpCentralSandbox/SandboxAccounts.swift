/// The accounts every new sandbox starts with; the README documents them.
public enum SandboxAccounts {
  /// One seeded account and the secrets that go with it.
  public struct Seed: Sendable, Equatable {
    /// The login name (also accepted by `POST /auth` as `id`).
    public var username: String
    /// The email address, also accepted as a login id.
    public var email: String
    /// The account password (stored only as a salted hash).
    public var password: String
    /// The tier impCentral reports; enterprise tiers start with `ent`.
    public var tier: String
    /// Whether production-family device groups are allowed.
    public var productionEnabled: Bool
    /// The key that unbonds devices from production groups, if the account has one.
    public var unbondKey: String?
    /// The one-time password of a two-factor login; nil when two-factor is off.
    public var oneTimePassword: String?
    /// How many login keys the account may hold.
    public var loginKeyLimit: Int
  }

  /// The main account: production features on, an unbond key, no two-factor login.
  public static let standard = Seed(
    username: "sandbox", email: "sandbox@imptsh.test", password: "sandbox",
    tier: "enterprise", productionEnabled: true, unbondKey: "sandbox-unbond-key",
    oneTimePassword: nil, loginKeyLimit: 10)

  /// An account with two-factor login (one-time password `123456`) and no production
  /// features, for the second login step and the permission rules.
  public static let twoFactor = Seed(
    username: "twofactor", email: "twofactor@imptsh.test", password: "twofactor",
    tier: "individual", productionEnabled: false, unbondKey: nil,
    oneTimePassword: "123456", loginKeyLimit: 10)

  /// Every seeded account, in creation order.
  public static let all = [standard, twoFactor]
}
