import ImpCentral

@testable import ImptLanguage

/// A catalogue of fake commands with impt's shapes: their actions record the invocation
/// and answer from `Fixtures`, so tests see exactly what the evaluator passed.
enum FakeCatalogue {
  static let catalogue = Catalogue(
    productCommands + groupCommands + deviceCommands + otherCommands,
    groupAliases: ["devicegroup": "dg", "deployment": "build"])

  /// An action that records its invocation, then answers with `result`.
  static func recording(
    _ result: @escaping @Sendable (Invocation) throws -> Value = { _ in .null }
  ) -> CommandAction {
    { invocation, context in
      (context as? FakeContext)?.journal.update { $0.invocations.append(invocation) }
      return try result(invocation)
    }
  }

  static func option(
    _ name: String, _ short: Character?, _ kind: OptionKind = .text(),
    _ requirement: Requirement = .optional, identifies: ResourceKind? = nil,
    secret: Bool = false
  ) -> OptionSpec {
    OptionSpec(
      name, short: short, kind: kind, requirement: requirement,
      placeholder: name.uppercased(), summary: "the \(name)", identifies: identifies,
      isSecret: secret)
  }

  static let groupTypes = DeviceGroupType.allCases.map(\.name)

  static let productCommands: [CommandSpec] = [
    CommandSpec(
      group: "product", verb: "create", summary: "create a product",
      options: [
        option("name", "n", .text(), .required), option("descr", "s", .text(allowsEmpty: true)),
        option("owner", "o"),
      ], effect: .write, result: .entity(.product),
      action: recording { invocation in
        let name = invocation.arguments["name"] ?? .null
        return .entity(Fixtures.entity("product", "p-new", ["name": name.json]))
      }),
    CommandSpec(
      group: "product", verb: "list", summary: "list products",
      options: [option("owner", "o", .textList)], result: .list(.product),
      action: recording { _ in .list([.entity(Fixtures.product)]) }),
    CommandSpec(
      group: "product", verb: "info", summary: "show a product",
      options: [option("product", "p", .text(), .fromContext(.product), identifies: .product)],
      result: .entity(.product), action: recording { _ in .entity(Fixtures.product) }),
  ]

  static let groupCommands: [CommandSpec] = [
    CommandSpec(
      group: "dg", verb: "create", summary: "create a device group",
      options: [
        option("name", "n", .text(), .required), option("dg-type", "y", .choice(groupTypes)),
        option("product", "p", .text(), .fromContext(.product), identifies: .product),
        option("descr", "s", .text(allowsEmpty: true)), option("target", "t"),
        option("dut", "u"), option("region", "r", .text(allowsEmpty: true)),
      ], effect: .write, result: .entity(.deviceGroup),
      action: recording { _ in .entity(Fixtures.productionGroup) }),
    CommandSpec(
      group: "dg", verb: "list", summary: "list device groups",
      options: [
        option("product", "p", .textList, identifies: .product),
        option("dg-type", "y", .choiceList(groupTypes)),
      ], result: .list(.deviceGroup),
      action: recording { _ in .list(Fixtures.groups.map(Value.entity)) }),
    CommandSpec(
      group: "dg", verb: "info", summary: "show a device group",
      options: [option("dg", "g", .text(), .fromContext(.deviceGroup), identifies: .deviceGroup)],
      result: .entity(.deviceGroup),
      action: recording { invocation in .entity(try group(invocation.arguments["dg"])) }),
    CommandSpec(
      group: "dg", verb: "update", summary: "change a device group",
      options: [
        option("dg", "g", .text(), .fromContext(.deviceGroup), identifies: .deviceGroup),
        option("load-code-after-blessing", "l", .toggle), option("name", "n"),
        option("descr", "s", .text(allowsEmpty: true)),
      ], effect: .write, result: .entity(.deviceGroup),
      action: recording { invocation in .entity(try group(invocation.arguments["dg"])) }),
    CommandSpec(
      group: "dg", verb: "restart", summary: "restart a group's devices",
      options: [
        option("dg", "g", .text(), .fromContext(.deviceGroup), identifies: .deviceGroup),
        option("conditional", "c", .flag), option("confirmed", "q", .flag),
      ], effect: .destructive, pipeOption: "dg", action: recording()),
  ]

  static let deviceCommands: [CommandSpec] = [
    CommandSpec(
      group: "device", verb: "list", summary: "list devices",
      options: [
        option("dg", "g", .textList, identifies: .deviceGroup),
        option("online", "n", .flag), option("offline", "f", .flag),
      ], result: .list(.device), pipeOption: "dg",
      action: recording { invocation in .list(try devices(invocation).map(Value.entity)) }),
    CommandSpec(
      group: "device", verb: "info", summary: "show a device",
      options: [option("device", "d", .text(), .required, identifies: .device)],
      result: .entity(.device),
      action: recording { invocation in
        let wanted = invocation.arguments["device"]?.displayText ?? ""
        guard let device = Fixtures.devices.first(where: { $0.id == wanted }) else {
          throw FakeError(id: "api.notFound", message: "no device '\(wanted)'")
        }
        return .entity(device)
      }),
    CommandSpec(
      group: "device", verb: "restart", summary: "restart a device",
      options: [
        option("device", "d", .text(), .required, identifies: .device),
        option("conditional", "c", .flag),
      ], effect: .destructive, pipeOption: "device", action: recording()),
    CommandSpec(
      group: "device", verb: "assign", summary: "assign a device",
      options: [
        option("device", "d", .text(), .required, identifies: .device),
        option("dg", "g", .text(), .fromContext(.deviceGroup), identifies: .deviceGroup),
        option("confirmed", "q", .flag),
      ], effect: .destructive, confirmation: .sometimes, result: .entity(.device),
      pipeOption: "device",
      action: recording { invocation in invocation.arguments["device"] ?? .null }),
  ]

  static let otherCommands: [CommandSpec] = [
    CommandSpec(
      group: "build", verb: "info", summary: "show a build",
      options: [option("build", "b", .text(), .required, identifies: .deployment)],
      result: .entity(.deployment), action: recording { _ in .entity(Fixtures.builds[0]) }),
    CommandSpec(
      group: "build", verb: "list", summary: "list builds",
      options: [option("tag", "t", .textList), option("flagged", "f", .flag)],
      result: .list(.deployment),
      action: recording { _ in .list(Fixtures.builds.map(Value.entity)) }),
    CommandSpec(
      group: "log", verb: "get", summary: "show logs",
      options: [
        option("device", "d", .text(), .required, identifies: .device),
        option("page-size", "s", .integer(minimum: 1)),
        option("page-number", "n", .integer(minimum: 1)),
      ], result: .list(.logEntry),
      action: recording { _ in .list(Fixtures.logEntries.map(Value.entity)) }),
    CommandSpec(
      group: "webhook", verb: "create", summary: "create a webhook",
      options: [
        option("dg", "g", .text(), .fromContext(.deviceGroup), identifies: .deviceGroup),
        option("url", "u", .text(), .required),
        option("event", "e", .choice(["blessing", "blinkup", "deployment"]), .required),
        option("mime", "m", .choice(["json", "urlencoded"]), .required),
      ], effect: .write, result: .entity(.webhook),
      action: recording { _ in .entity(Fixtures.webhook) }),
    CommandSpec(
      group: "loginkey", verb: "create", summary: "create a login key",
      options: [
        option("pwd", "w", .text(allowsEmpty: true), secret: true), option("descr", "s"),
      ], effect: .write, result: .entity(.loginKey),
      action: recording { _ in .entity(Fixtures.loginKey) }),
    CommandSpec(
      group: "account", verb: "info", summary: "show an account",
      options: [option("user", "u")], result: .entity(.account),
      action: recording { _ in .entity(Fixtures.me) }),
    CommandSpec(
      group: "sandbox", verb: "add-devices", summary: "add devices",
      options: [option("count", "c", .integer(minimum: 1), .required)], effect: .write,
      result: .list(.device), availability: .sandboxOnly,
      action: recording { _ in .list([.entity(Fixtures.devices[5])]) }),
    CommandSpec(
      group: "fail", verb: "now", summary: "fail as the API would",
      options: [option("device", "d", identifies: .device)], effect: .write,
      pipeOption: "device",
      action: recording { _ in
        throw FakeError(
          id: "api.conflict", message: "the device group is not empty",
          help: ["Unassign its devices first."])
      }),
    CommandSpec(
      group: "fail", verb: "crash", summary: "fail with a plain error",
      action: recording { _ in throw PlainError() }),
  ]

  struct PlainError: Error, CustomStringConvertible {
    var description: String { "the socket closed" }
  }

  static func group(_ value: Value?) throws -> Entity {
    let wanted = value ?? .null
    if case .entity(let entity) = wanted { return entity }
    let name = wanted.displayText
    guard
      let found = Fixtures.groups.first(where: {
        $0.id == name || $0.field("name") == .string(name)
      })
    else { throw FakeError(id: "api.notFound", message: "no device group '\(name)'") }
    return found
  }

  static func devices(_ invocation: Invocation) throws -> [Entity] {
    var devices = Fixtures.devices
    if case .list(let groups)? = invocation.arguments["dg"], !groups.isEmpty {
      let ids = try groups.map { try group($0).id }
      devices = devices.filter { ids.contains($0.field("devicegroup")?.displayText ?? "") }
    }
    if invocation.arguments["online"] == .bool(true) {
      devices = devices.filter { $0.field("online") == .bool(true) }
    }
    return devices
  }
}

/// Runs a script against the fake catalogue and a fresh fake host.
func run(
  _ script: String, arguments: [String] = [], host: FakeHost = FakeHost(),
  file: String = "test.imptsh"
) async -> (Outcome, Journal) {
  let interpreter = Interpreter(
    catalogue: FakeCatalogue.catalogue, host: host, arguments: arguments,
    scriptName: file, environment: ["HOME": "/home/ada", "STAGE": "test"])
  let outcome = await interpreter.run(script, file: file)
  return (outcome, host.journal)
}

/// Parses and checks a script against the fake catalogue.
func check(_ script: String, context: CheckContext = CheckContext()) -> [Diagnostic] {
  let parsed = Parser.parse(script, file: "t")
  let checked = Checker.check(parsed.script, catalogue: FakeCatalogue.catalogue, context: context)
  return parsed.diagnostics + checked.diagnostics
}
