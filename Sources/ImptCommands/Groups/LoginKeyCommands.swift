import ImpCentral
import ImptLanguage

/// `loginkey create|delete|info|list|update`.
///
/// A login key's id is the key itself: it is shown where the user asks to see keys
/// (`list`, `info`, `create`), and masked in notes and errors.
enum LoginKeyCommands {
  /// The group's commands, in help order.
  static let all = [create, delete, info, list, update]

  static let create = CommandSpec(
    group: "loginkey", verb: "create", summary: "create a login key",
    details: """
      A login key logs in without the password ('auth login --lk KEY'). Creating one needs \
      the account password, asked for without echo when --pwd is left out. The key is the \
      new entity's id: keep it as safe as the password.
      """,
    options: [Opt.pwd, Opt.descr],
    examples: [
      CommandExample(
        #"loginkey create --pwd sandbox --descr "CI pipeline""#, "a key for a build server")
    ],
    effect: .write, result: .entity(.loginKey),
    action: Action.run { arguments, services in
      let password = try await LoginKeySupport.password(arguments, services)
      let key = try await services.client.createLoginKey(
        password: password, description: arguments.string("descr"))
      services.note("created login key \(LoginKeySupport.masked(key.id))")
      return key.value
    })

  static let list = CommandSpec(
    group: "loginkey", verb: "list", summary: "list the account's login keys",
    examples: [
      CommandExample(
        "loginkey list", "every key, with how often it was used",
        setup: ["loginkey create --pwd sandbox --descr 'CI pipeline'"])
    ],
    result: .list(.loginKey),
    action: Action.run { _, services in
      EntityValues.list(try await services.client.loginKeys())
    })

  static let info = CommandSpec(
    group: "loginkey", verb: "info", summary: "show a login key",
    options: [LoginKeySupport.lk],
    examples: [
      CommandExample(
        "loginkey list | loginkey info", "each key in full",
        setup: ["loginkey create --pwd sandbox --descr 'CI pipeline'"])
    ],
    result: .entity(.loginKey), pipeOption: "lk",
    action: Action.run { arguments, services in
      try await LoginKeySupport.key(arguments, services).value
    })

  static let update = CommandSpec(
    group: "loginkey", verb: "update", summary: "change a login key's description",
    options: [LoginKeySupport.lk, Opt.pwd, LoginKeySupport.requiredDescr],
    examples: [
      CommandExample(
        #"loginkey list | loginkey update --pwd sandbox --descr "retired CI key""#,
        "describe every key the same way",
        setup: ["loginkey create --pwd sandbox --descr 'CI pipeline'"])
    ],
    effect: .write, result: .entity(.loginKey), pipeOption: "lk",
    action: Action.run { arguments, services in
      let key = try await LoginKeySupport.key(arguments, services)
      let password = try await LoginKeySupport.password(arguments, services)
      let updated = try await services.client.updateLoginKey(
        id: key.id, password: password, description: arguments.string("descr"))
      services.note("updated login key \(LoginKeySupport.masked(updated.id))")
      return updated.value
    })

  static let delete = CommandSpec(
    group: "loginkey", verb: "delete", summary: "delete a login key",
    details: "Sessions logged in with the key keep working until their access token expires.",
    options: [LoginKeySupport.lk, Opt.pwd, Opt.confirmed],
    examples: [
      CommandExample(
        "loginkey list | loginkey delete --pwd sandbox --confirmed", "delete every key",
        setup: ["loginkey create --pwd sandbox --descr 'CI pipeline'"])
    ],
    effect: .destructive, pipeOption: "lk",
    action: Action.run { arguments, services in
      let key = try await LoginKeySupport.key(arguments, services)
      let password = try await LoginKeySupport.password(arguments, services)
      try await DeleteEngine(services: services, password: password).run(
        DeletePlan(loginKeys: [key]), arguments)
      return .null
    })
}
