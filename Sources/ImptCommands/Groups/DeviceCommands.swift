import ImpCentral
import ImptLanguage

/// `device assign|info|list|remove|restart|unassign|update`.
enum DeviceCommands {
  static let all = [assign, info, list, remove, restart, unassign, update]

  /// The setup lines that give examples two unassigned devices, `fixture-1` and
  /// `fixture-2`, and a development group.
  static let deviceSetup = [
    "sandbox device add --count 2 --name fixture",
    "product create --name MyProduct", "dg create --name MyDevDG --product MyProduct",
  ]

  /// `deviceSetup` with `fixture-1` assigned to `MyDevDG`.
  static let assignedSetup = deviceSetup + ["device assign --device fixture-1 --dg MyDevDG"]

  /// A factory line in `MyProduct` that has blessed one device, named `MyBlessedDevice`,
  /// into `MyProductionDG`.
  static let factorySetup = [
    "sandbox device add --count 1 --name fixture", "product create --name MyProduct",
    "dg create --name MyProductionDG --dg-type production --product MyProduct",
    "dg create --name MyDUTDG --dg-type dut --product MyProduct",
    "dg create --name MyFactoryDG --dg-type factory --product MyProduct "
      + "--target MyProductionDG --dut MyDUTDG",
    "device assign --device fixture-1 --dg MyFactoryDG", "build deploy --dg MyFactoryDG",
    "sandbox factory run --dg MyFactoryDG --count 1",
    "device list --dg MyProductionDG | device update --name MyBlessedDevice",
  ]

  static let info = CommandSpec(
    group: "device", verb: "info", summary: "show a device",
    options: [Opt.device()],
    examples: [
      CommandExample("device info --device fixture-1", "a device by name", setup: deviceSetup)
    ],
    result: .entity(.device), pipeOption: "device",
    action: Action.run { arguments, services in
      try await DeviceSupport(services).device(arguments).value
    })

  static let list = CommandSpec(
    group: "device", verb: "list", summary: "list devices",
    details: """
      The same filter repeated means any of its values; different filters must all hold. \
      --assigned with --unassigned, or --online with --offline, cancel out.
      """ + " " + ListScope.unknownNamesNote(["owner", "product", "dg"]),
    options: [
      Opt.owners(), Opt.products(), Opt.dgs(), Opt.dgTypeFilter(),
      OptionSpec("assigned", short: "a", kind: .flag, summary: "only devices in a group"),
      OptionSpec("unassigned", short: "u", kind: .flag, summary: "only devices in no group"),
      OptionSpec("online", short: "n", kind: .flag, summary: "only connected devices"),
      OptionSpec("offline", short: "f", kind: .flag, summary: "only disconnected devices"),
    ],
    examples: [
      CommandExample("device list --unassigned", "devices waiting for a group"),
      CommandExample(
        "device list --dg MyDevDG --online", "the connected devices of a group",
        setup: assignedSetup),
    ],
    result: .list(.device),
    action: Action.run { arguments, services in
      EntityValues.list(try await DeviceListing(services).devices(arguments))
    })

  static let update = CommandSpec(
    group: "device", verb: "update", summary: "rename a device",
    options: [
      OptionSpec(
        "name", short: "n", kind: .text(allowsEmpty: true), requirement: .required,
        placeholder: "NAME", summary: "the new name; \"\" clears it"),
      Opt.device(),
    ],
    examples: [
      CommandExample(
        "device update --device fixture-1 --name lobby-thermostat", "a new name",
        setup: deviceSetup),
      CommandExample(
        #"device update --device fixture-2 --name """#, "clear the name", setup: deviceSetup),
    ],
    effect: .write, result: .entity(.device), pipeOption: "device",
    action: Action.run { arguments, services in
      let device = try await DeviceSupport(services).device(arguments)
      let name = try arguments.required("name")
      let updated = try await services.client.updateDevice(id: device.id, name: name)
      services.note(
        name.isEmpty
          ? "cleared the name of device \(device.id)"
          : "renamed \(DeviceSupport.describe(device)) to '\(name)'")
      return updated.value
    })
}

/// The filters of `device list`: owner, product, group and group type sent to the
/// service, one request per combination; assignment and connection checked here.
struct DeviceListing {
  let services: any CommandServices

  /// Creates the listing for one command.
  init(_ services: any CommandServices) {
    self.services = services
  }

  /// The devices the options select, each once.
  func devices(_ arguments: Arguments) async throws -> [Device] {
    var devices: [Device] = []
    for filter in try await filters(arguments) {
      devices += try await services.client.devices(filter)
    }
    let assigned = Combinations.either(arguments, "assigned", "unassigned")
    let online = Combinations.either(arguments, "online", "offline")
    return Combinations.unique(devices).filter { device in
      (assigned == nil || device.isAssigned == assigned)
        && (online == nil || (device.deviceOnline ?? false) == online)
    }
  }

  private func filters(_ arguments: Arguments) async throws -> [DeviceFilter] {
    let scope = ListScope(services)
    let owners = try await scope.accounts(arguments.list("owner"))
    let products = try await scope.products(arguments.list("product"))
    let groups = try await scope.deviceGroups(arguments.list("dg"))
    let types = try arguments.list("dg-type").map { try DeviceGroupType(validating: $0) }
    var filters = [DeviceFilter()]
    filters = Combinations.expand(filters, owners) { $0.ownerID = $1 }
    filters = Combinations.expand(filters, products) { $0.productID = $1 }
    filters = Combinations.expand(filters, groups) { $0.deviceGroupID = $1 }
    filters = Combinations.expand(filters, BuildListing.given(types.map(\.name))) {
      $0.deviceGroupType = DeviceGroupType(rawValue: $1)
    }
    return filters
  }
}
