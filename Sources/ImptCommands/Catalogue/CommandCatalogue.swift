import ImptLanguage

/// Every imptsh command, in help order.
public enum CommandCatalogue {
  /// The catalogue the parser, checker, completion, help and evaluator read.
  public static let standard = Catalogue(
    ProductCommands.all + DeviceGroupCommands.all + BuildCommands.all + DeviceCommands.all
      + WebhookCommands.all + LogCommands.all + LoginKeyCommands.all + AccountCommands.all
      + AuthCommands.all + SandboxCommands.all,
    groupAliases: ["devicegroup": "dg", "deployment": "build"])

  /// One line on each group, for `help`.
  public static let groupSummaries: [String: String] = [
    "account": "the accounts you can reach",
    "auth": "log in and out, and see who you are",
    "build": "builds (deployments): code for a device group",
    "device": "devices: assign, restart, rename, remove",
    "dg": "device groups of every type, their devices and builds",
    "log": "device logs, past and live",
    "loginkey": "login keys for unattended logins",
    "product": "products: the top of the tree",
    "sandbox": "the sandbox's simulated hardware (sandbox backend only)",
    "webhook": "webhooks for blessing, BlinkUp and deployment events",
  ]
}
