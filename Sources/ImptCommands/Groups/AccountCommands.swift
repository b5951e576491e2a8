import ImpCentral
import ImptLanguage

/// `account info|list`: the logged-in account and the accounts it collaborates with.
enum AccountCommands {
  /// The group's commands, in help order.
  static let all = [info, list]

  static let info = CommandSpec(
    group: "account", verb: "info", summary: "show an account",
    options: [
      OptionSpec(
        "user", short: "u", placeholder: "ACCOUNT",
        summary: "the account: 'me' (the default), id, email address or username",
        identifies: .account)
    ],
    examples: [
      CommandExample("account info", "the account you are logged in as"),
      CommandExample("account info --user sandbox@imptsh.test", "an account by email address"),
    ],
    result: .entity(.account), pipeOption: "user",
    action: Action.run { arguments, services in
      let value = arguments.identifier("user") ?? .string("me")
      return try await Resolver(client: services.client).account(value).value
    })

  static let list = CommandSpec(
    group: "account", verb: "list", summary: "list the accounts you can reach",
    details: "Your own account and the accounts you collaborate on.",
    examples: [CommandExample("account list", "every account")],
    result: .list(.account),
    action: Action.run { _, services in
      EntityValues.list(try await services.client.accounts())
    })
}
