import ImpCentral
import ImptLanguage

/// A tiny stand-in catalogue: enough commands to exercise completion and redaction.
enum DemoCatalogue {
  /// The demo's commands; their actions are never called.
  static let commands: [CommandSpec] = [
    CommandSpec(
      group: "product", verb: "list", summary: "list products",
      options: [OptionSpec("owner", short: "o", summary: "the owner's account")],
      action: unused),
    CommandSpec(
      group: "dg", verb: "create", summary: "create a device group",
      options: [
        OptionSpec("name", short: "n", summary: "the new group's name"),
        OptionSpec(
          "dg-type", short: "y", kind: .choice(DeviceGroupType.allCases.map(\.name)),
          summary: "the type of device group"),
        OptionSpec(
          "product", short: "p", summary: "the product", identifies: .product),
        OptionSpec(
          "target", short: "t", summary: "the production target", identifies: .deviceGroup),
      ],
      effect: .write, action: unused),
    CommandSpec(
      group: "dg", verb: "info", summary: "show a device group",
      options: [OptionSpec("dg", short: "g", summary: "the group", identifies: .deviceGroup)],
      action: unused),
    CommandSpec(
      group: "auth", verb: "login", summary: "log in",
      options: [
        OptionSpec("user", short: "u", summary: "the account"),
        OptionSpec("pwd", short: "w", summary: "the password", isSecret: true),
        OptionSpec("lk", short: "k", summary: "a login key", isSecret: true),
        OptionSpec("temp", short: "t", kind: .flag, summary: "do not keep the login"),
      ],
      action: unused),
  ]

  /// The statement words the demo offers at the start of a line.
  static let statementWords = ["ask", "echo", "exit", "help", "let", "secret", "sleep", "use"]

  /// Names the demo pretends to have cached.
  static func entityNames(_ kind: ResourceKind) -> [String] {
    switch kind {
    case .product: ["MyProduct", "Other Product"]
    case .deviceGroup: ["MyFactoryDG", "MyProductionDG", "Test DG"]
    default: []
    }
  }

  private static let unused: CommandAction = { _, _ in .null }
}
