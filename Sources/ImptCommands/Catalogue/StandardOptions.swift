import ImpCentral
import ImptLanguage

/// The options commands share, each with the one-letter alias impt gives it.
///
/// An option means the same thing in every command that has it; only its requirement and,
/// for filters, whether it repeats, change from command to command.
enum Opt {
  static let dgTypes = DeviceGroupType.allCases.map(\.name)

  static func product(_ requirement: Requirement = .fromContext(.product)) -> OptionSpec {
    OptionSpec(
      "product", short: "p", requirement: requirement, placeholder: "PRODUCT",
      summary: "the product: id or name", identifies: .product)
  }

  static func dg(_ requirement: Requirement = .fromContext(.deviceGroup)) -> OptionSpec {
    OptionSpec(
      "dg", short: "g", requirement: requirement, placeholder: "DEVICE_GROUP",
      summary: "the device group: id or name", identifies: .deviceGroup)
  }

  static func device(_ requirement: Requirement = .required) -> OptionSpec {
    OptionSpec(
      "device", short: "d", requirement: requirement, placeholder: "DEVICE",
      summary: "the device: id, name, MAC address or agent id", identifies: .device)
  }

  static func build(_ requirement: Requirement = .optional) -> OptionSpec {
    OptionSpec(
      "build", short: "b", requirement: requirement, placeholder: "BUILD",
      summary: "the build (deployment): id, sha, tag or origin", identifies: .deployment)
  }

  static let name = OptionSpec(
    "name", short: "n", placeholder: "NAME", summary: "the new name")
  static let requiredName = OptionSpec(
    "name", short: "n", requirement: .required, placeholder: "NAME", summary: "the name")
  static let descr = OptionSpec(
    "descr", short: "s", kind: .text(allowsEmpty: true), placeholder: "DESCRIPTION",
    summary: "a description; \"\" clears it")
  static let confirmed = OptionSpec(
    "confirmed", short: "q", kind: .flag, summary: "go ahead without asking")
  static let force = OptionSpec(
    "force", short: "f", kind: .flag,
    summary: "also undo what stands in the way (unassign devices, unflag builds)")
  static let conditional = OptionSpec(
    "conditional", short: "c", kind: .flag,
    summary: "restart only devices below the minimum supported build; notify the rest")
  static let log = OptionSpec(
    "log", short: "l", kind: .flag, summary: "stream the devices' logs afterwards")
  static let full = OptionSpec(
    "full", short: "u", kind: .flag, summary: "include related entities")
  static let unbond = OptionSpec(
    "unbond", short: "u", kind: .text(allowsEmpty: true), placeholder: "UNBOND_KEY",
    summary: "the account's unbond key, to take devices out of production",
    isSecret: true)
  static let pwd = OptionSpec(
    "pwd", short: "w", kind: .text(allowsEmpty: true), placeholder: "PASSWORD",
    summary: "the account password (prompted without echo when left out)", isSecret: true)

  static func owners() -> OptionSpec {
    OptionSpec(
      "owner", short: "o", kind: .textList, placeholder: "ACCOUNT",
      summary: "only those of this account: id, email, username or 'me'",
      identifies: .account)
  }

  static func products() -> OptionSpec {
    OptionSpec(
      "product", short: "p", kind: .textList, placeholder: "PRODUCT",
      summary: "only those of this product (repeat for several)", identifies: .product)
  }

  static func dgs() -> OptionSpec {
    OptionSpec(
      "dg", short: "g", kind: .textList, placeholder: "DEVICE_GROUP",
      summary: "only those of this device group (repeat for several)",
      identifies: .deviceGroup)
  }

  static func dgTypeFilter() -> OptionSpec {
    OptionSpec(
      "dg-type", short: "y", kind: .choiceList(dgTypes), placeholder: "TYPE",
      summary: "only device groups of this type (repeat for several)")
  }

  static let deviceFile = OptionSpec(
    "device-file", short: "x", placeholder: "FILE", summary: "the device code file")
  static let agentFile = OptionSpec(
    "agent-file", short: "y", placeholder: "FILE", summary: "the agent code file")
  static let tags = OptionSpec(
    "tag", short: "t", kind: .textList, placeholder: "TAG", summary: "a tag (repeat for several)")
  static let flaggedToggle = OptionSpec(
    "flagged", short: "f", kind: .toggle,
    summary: "protect the build from deletion (true or false)")
  static let target = OptionSpec(
    "target", short: "t", placeholder: "DEVICE_GROUP",
    summary: "the production target of a factory group", identifies: .deviceGroup)
  static let dut = OptionSpec(
    "dut", short: "u", placeholder: "DEVICE_GROUP",
    summary: "the DUT target of a factory group", identifies: .deviceGroup)
  static let envVariable = OptionSpec(
    "env-variable", short: "e", placeholder: "JSON",
    summary: "environment variables as a JSON object: '{\"key\": \"value\"}'")
}
