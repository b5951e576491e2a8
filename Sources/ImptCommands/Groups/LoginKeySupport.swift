import ImpCentral
import ImptLanguage

/// Steps and options the login-key commands share.
enum LoginKeySupport {
  /// `--lk KEY`: the key is a secret, kept out of history, recordings and errors.
  static let lk = OptionSpec(
    "lk", short: "k", requirement: .required, placeholder: "LOGIN_KEY",
    summary: "the login key (its id)", identifies: .loginKey, isSecret: true)

  /// `--descr`, required: `loginkey update` changes nothing else.
  static let requiredDescr: OptionSpec = {
    var option = Opt.descr
    option.requirement = .required
    return option
  }()

  /// How many characters of a key notes and errors show.
  static let shownPrefix = 4

  /// A key as notes and errors show it: its first characters, then `…`.
  ///
  /// `a1b2c3d4e5` → `a1b2…`; a key too short to mask shows as `…` alone.
  static func masked(_ id: String) -> String {
    guard id.count > shownPrefix * 2 else { return "…" }
    return String(id.prefix(shownPrefix)) + "…"
  }

  /// The key `--lk` names (or the piped key entity).
  static func key(_ arguments: Arguments, _ services: any CommandServices) async throws
    -> LoginKey
  {
    try await Resolver(client: services.client).loginKey(
      try arguments.identifier("lk").orMissing("lk"))
  }

  /// The account password: `--pwd`, or asked for without echo at a terminal.
  static func password(_ arguments: Arguments, _ services: any CommandServices) async throws
    -> Secret
  {
    if let given = arguments.string("pwd") { return Secret(given) }
    guard services.interaction.isInteractive else {
      throw CommandError(
        "command.needsPassword",
        "'\(arguments.command)' needs the account password and there is no terminal to ask for it",
        help: ["Give it with --pwd; a script can read it from the environment with $env.NAME."])
    }
    guard let typed = await services.interaction.readSecret(prompt: "account password: ") else {
      throw CommandError.cancelled
    }
    return Secret(typed)
  }
}
