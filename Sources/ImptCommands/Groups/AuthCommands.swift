import ImpCentral
import ImptLanguage

/// `auth login|logout|info`.
enum AuthCommands {
  static let all = [login, logout, info]

  static let login = CommandSpec(
    group: "auth", verb: "login", summary: "log in to impCentral (or the sandbox)",
    details: """
      With --user, the password comes from --pwd or is asked for without echo; an account \
      with two-factor authentication also needs --otp or is asked for the code. With --lk, \
      a login key is used instead. The login is saved, readable only by you, for every \
      folder, or with --local for the working folder only; --temp keeps no way to renew \
      it, so it ends within the hour. Without --endpoint on the sandbox, the login changes \
      who the sandbox session is and is not saved.
      """,
    options: [
      OptionSpec(
        "user", short: "u", placeholder: "USER", summary: "the username or email address"),
      Opt.pwd,
      OptionSpec(
        "otp", placeholder: "CODE", summary: "the one-time password of two-factor login",
        isSecret: true),
      OptionSpec(
        "lk", short: "k", placeholder: "LOGIN_KEY", summary: "log in with this login key",
        isSecret: true),
      OptionSpec(
        "endpoint", short: "e", placeholder: "URL",
        summary: "the API base, such as https://api.electricimp.com/v5"),
      OptionSpec(
        "temp", short: "t", kind: .flag, summary: "keep no refresh token or login key"),
      OptionSpec(
        "local", short: "l", kind: .flag, summary: "save the login for this folder only"),
      Opt.confirmed,
    ],
    examples: [
      CommandExample(
        "auth login --user sandbox --pwd sandbox", "log in to the sandbox's seeded account")
    ],
    effect: .write, result: .record,
    action: Action.run { arguments, services in
      try await services.auth.login(try request(arguments, services))
    })

  static let logout = CommandSpec(
    group: "auth", verb: "logout", summary: "forget a saved login",
    options: [
      OptionSpec(
        "local", short: "l", kind: .flag, summary: "the login saved for this folder")
    ],
    examples: [CommandExample("auth logout", "log out of the sandbox session")],
    effect: .write,
    action: Action.run { arguments, services in
      try await services.auth.logout(local: arguments.flag("local"))
    })

  static let info = CommandSpec(
    group: "auth", verb: "info", summary: "show who the session is logged in as, and how",
    examples: [CommandExample("auth info", "the backend, the login and the account")],
    result: .record,
    action: Action.run { _, services in try await services.auth.info() })

  private static func request(_ arguments: Arguments, _ services: any CommandServices)
    async throws -> LoginRequest
  {
    let user = arguments.string("user")
    let key = arguments.string("lk")
    if user != nil, key != nil {
      throw CommandError(
        "command.conflictingOptions", "'--user' and '--lk' cannot be given together",
        help: ["Log in either with a user and password or with a login key."])
    }
    if arguments.has("pwd"), user == nil {
      throw CommandError(
        "command.conflictingOptions", "'--pwd' needs '--user'",
        help: ["Give the username or email address with --user."])
    }
    let method: LoginRequest.Method
    if let key {
      method = .loginKey(Secret(key))
    } else if let user {
      let password = try await password(arguments, services, user: user)
      method = .password(
        user: user, password: password, oneTimePassword: arguments.string("otp").map(Secret.init))
    } else {
      throw CommandError(
        "command.missingOption", "give '--user' (with a password) or '--lk'",
        help: ["For example: auth login --user NAME, then type the password when asked."])
    }
    return LoginRequest(
      method: method, endpoint: arguments.string("endpoint"),
      temporary: arguments.flag("temp"), local: arguments.flag("local"))
  }

  private static func password(
    _ arguments: Arguments, _ services: any CommandServices, user: String
  ) async throws -> Secret {
    if let given = arguments.string("pwd") { return Secret(given) }
    guard services.interaction.isInteractive,
      let typed = await services.interaction.readSecret(prompt: "password for \(user): ")
    else {
      throw CommandError(
        "command.needsPassword", "no password was given for '\(user)'",
        help: ["Pass it with --pwd, or run the command in a terminal to be asked for it."])
    }
    return Secret(typed)
  }
}
