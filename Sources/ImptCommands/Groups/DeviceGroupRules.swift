import ImpCentral

/// The checks made before a device group is created or changed, so a mistake is
/// explained in the user's terms before anything is sent.
enum DeviceGroupRules {
  /// Checks `dg create`'s options against the type.
  static func checkCreate(_ type: DeviceGroupType, _ arguments: Arguments) throws {
    if type.isFixture {
      try requireTarget(arguments, "dut", of: type, needs: type.dutTargetType)
      try requireTarget(arguments, "target", of: type, needs: type.productionTargetType)
    }
    if arguments.has("region"), !type.isProductionFamily {
      throw CommandError(
        "command.regionNotAllowed",
        "'--region' is for production and pre-production groups, not \(type.name) groups")
    }
  }

  /// Checks `dg update`'s options against the group's type.
  static func checkUpdate(_ group: DeviceGroup, _ arguments: Arguments) throws {
    if arguments.has("load-code-after-blessing"), !group.groupType.isProductionFamily {
      throw CommandError(
        "command.loadCodeNotAllowed",
        "'--load-code-after-blessing' is for production and pre-production groups, "
          + "and '\(group.name)' is a \(group.groupType.name) group")
    }
  }

  /// The `--env-variable` JSON object, checked: keys start with a letter and are
  /// letters and digits; values are strings or numbers.
  static func environment(_ arguments: Arguments) throws -> [String: JSONValue]? {
    guard let text = arguments.string("env-variable") else { return nil }
    guard case .object(let members)? = try? JSONValue.parse(text) else {
      throw CommandError(
        "command.badEnvironment", "'--env-variable' expects a JSON object, got '\(text)'",
        help: [#"Write it as '{"NAME": "value"}', in single quotes."#])
    }
    for (key, value) in members {
      guard key.first?.isLetter == true, key.allSatisfy({ $0.isLetter || $0.isNumber }) else {
        throw CommandError(
          "command.badEnvironment",
          "environment variable names are letters and digits starting with a letter, "
            + "not '\(key)'")
      }
      switch value {
      case .string, .number: continue
      default:
        throw CommandError(
          "command.badEnvironment",
          "the value of environment variable '\(key)' must be a string or a number")
      }
    }
    return members
  }

  private static func requireTarget(
    _ arguments: Arguments, _ option: String, of type: DeviceGroupType,
    needs target: DeviceGroupType?
  ) throws {
    guard !arguments.has(option), let target else { return }
    let label = option == "dut" ? "DUT target" : "production target"
    throw CommandError(
      "command.missingTarget",
      "a \(type.name) device group needs a \(label): '--\(option)' is missing",
      help: [
        "Create a \(target.name) device group in the same product with "
          + "'dg create --name NAME --dg-type \(target.name) --product PRODUCT', "
          + "then pass its name with --\(option)."
      ])
  }
}
