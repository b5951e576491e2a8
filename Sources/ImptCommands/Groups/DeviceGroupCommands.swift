import ImpCentral
import ImptLanguage

/// `dg create|delete|info|list|update|builds|reassign|restart|unassign`.
enum DeviceGroupCommands {
  static let all = [
    create, delete, info, list, update, builds, reassign, restart, unassign,
  ]

  static let list = CommandSpec(
    group: "dg", verb: "list", summary: "list device groups",
    details: ListScope.unknownNamesNote(["owner", "product"]),
    options: [Opt.owners(), Opt.products(), Opt.dgTypeFilter()],
    examples: [
      CommandExample("dg list", "every device group"),
      CommandExample(
        "dg list --product MyProduct --dg-type production", "the production groups of a product",
        setup: ["product create --name MyProduct"]),
    ],
    result: .list(.deviceGroup),
    action: Action.run { arguments, services in
      let scope = ListScope(services)
      let owners = try await scope.accounts(arguments.list("owner"))
      let products = try await scope.products(arguments.list("product"))
      let types = try arguments.list("dg-type").map { try DeviceGroupType(validating: $0) }
      var groups: [DeviceGroup] = []
      for owner in Combinations.values(owners) {
        for product in Combinations.values(products) {
          for type in Combinations.values(types.isEmpty ? nil : types) {
            let filter = DeviceGroupFilter(ownerID: owner, productID: product, type: type)
            groups += try await services.client.deviceGroups(filter)
          }
        }
      }
      return EntityValues.list(groups)
    })

  static let info = CommandSpec(
    group: "dg", verb: "info", summary: "show a device group",
    options: [Opt.dg(), Opt.full],
    examples: [
      CommandExample(
        "dg info --dg MyDevDG --full", "a group with its devices, builds and webhooks",
        setup: ["product create --name MyProduct", "dg create --name MyDevDG --product MyProduct"])
    ],
    result: .entity(.deviceGroup), pipeOption: "dg",
    action: Action.run { arguments, services in
      let group = try await DeviceGroupSupport(services).group(arguments)
      guard arguments.flag("full") else { return group.value }
      return try await DeviceGroupSupport(services).fullInfo(group)
    })

  static let delete = CommandSpec(
    group: "dg", verb: "delete", summary: "delete a device group",
    details: """
      A device group with devices or flagged builds cannot be deleted; --force unassigns \
      the devices and unflags the builds first. Its builds stay, without a group.
      """,
    options: [Opt.dg(), Opt.force, Opt.confirmed],
    examples: [
      CommandExample(
        "dg delete --dg MyDevDG --confirmed", "an empty group",
        setup: ["product create --name MyProduct", "dg create --name MyDevDG --product MyProduct"])
    ],
    effect: .destructive, pipeOption: "dg",
    action: Action.run { arguments, services in
      let group = try await DeviceGroupSupport(services).group(arguments)
      var plan = DeletePlan(groups: [group])
      if arguments.flag("force") {
        plan.groups = []
        try await DeleteCollector(services: services).addGroups([group], to: &plan)
      }
      try await DeleteEngine(services: services).run(plan, arguments)
      return .null
    })

  static let restart = CommandSpec(
    group: "dg", verb: "restart", summary: "restart every device of a device group",
    details: """
      With --conditional, devices running a build older than the group's minimum \
      supported build restart at once; the others are told an update is waiting and \
      restart when their code allows.
      """,
    options: [Opt.dg(), Opt.conditional, Opt.log, Opt.confirmed],
    examples: [
      CommandExample(
        "dg restart --dg MyDevDG --confirmed", "restart a group's devices",
        setup: ["product create --name MyProduct", "dg create --name MyDevDG --product MyProduct"])
    ],
    effect: .destructive, result: .list(.device), pipeOption: "dg",
    action: Action.run { arguments, services in
      let support = DeviceGroupSupport(services)
      let group = try await support.group(arguments)
      let devices = try await services.client.devices(DeviceFilter(deviceGroupID: group.id))
      guard !devices.isEmpty else {
        services.note("device group '\(group.name)' has no devices to restart")
        return .null
      }
      let how = arguments.flag("conditional") ? "conditionally restart" : "restart"
      try await Confirmation.require(
        services, arguments, summary: support.deviceSummary("will \(how)", devices, group))
      try await services.client.restartDeviceGroup(
        id: group.id, conditional: arguments.flag("conditional"))
      services.note(
        "asked \(DeleteEngine.count(devices.count, "device")) of '\(group.name)' to \(how)")
      if arguments.flag("log") { try await LogStreaming(services).follow(devices) }
      return EntityValues.list(devices)
    })

  static let unassign = CommandSpec(
    group: "dg", verb: "unassign", summary: "unassign every device of a device group",
    details: """
      Devices leave a production group only with the account's unbond key (--unbond); \
      they become unblessed development devices.
      """,
    options: [Opt.dg(), Opt.unbond, Opt.confirmed],
    examples: [
      CommandExample(
        "dg unassign --dg MyDevDG --confirmed", "empty a development group",
        setup: ["product create --name MyProduct", "dg create --name MyDevDG --product MyProduct"])
    ],
    effect: .destructive, result: .list(.device), pipeOption: "dg",
    action: Action.run { arguments, services in
      let support = DeviceGroupSupport(services)
      let group = try await support.group(arguments)
      let unbond = try support.unbondKey(arguments, for: group)
      let devices = try await services.client.devices(DeviceFilter(deviceGroupID: group.id))
      guard !devices.isEmpty else {
        services.note("device group '\(group.name)' has no devices")
        return .null
      }
      try await Confirmation.require(
        services, arguments, summary: support.deviceSummary("will unassign", devices, group))
      try await DeleteEngine(services: services).unassign(
        devices.map { (device: $0, group: group) }, unbondKey: unbond)
      return try await support.refreshed(devices, DeviceFilter(deviceGroupOwner: .unassigned))
    })

  static let reassign = CommandSpec(
    group: "dg", verb: "reassign", summary: "move every device of one device group to another",
    options: [
      OptionSpec(
        "from", short: "f", requirement: .required, placeholder: "DEVICE_GROUP",
        summary: "the group the devices leave", identifies: .deviceGroup),
      OptionSpec(
        "to", short: "t", requirement: .fromContext(.deviceGroup), placeholder: "DEVICE_GROUP",
        summary: "the group the devices join", identifies: .deviceGroup),
      Opt.confirmed,
    ],
    examples: [
      CommandExample(
        "dg reassign --from MyDevDG --to MyOtherDG --confirmed", "move all devices",
        setup: [
          "product create --name MyProduct", "dg create --name MyDevDG --product MyProduct",
          "dg create --name MyOtherDG --product MyProduct",
        ])
    ],
    effect: .destructive, result: .list(.device),
    action: Action.run { arguments, services in
      let support = DeviceGroupSupport(services)
      let resolver = Resolver(client: services.client, productScope: services.context.productID)
      let from = try await resolver.deviceGroup(try arguments.identifier("from").orMissing("from"))
      let to = try await resolver.deviceGroup(try arguments.identifier("to").orMissing("to"))
      let devices = try await services.client.devices(DeviceFilter(deviceGroupID: from.id))
      guard !devices.isEmpty else {
        services.note("device group '\(from.name)' has no devices")
        return .null
      }
      try await Confirmation.require(
        services, arguments,
        summary: support.deviceSummary("will move to '\(to.name)'", devices, from))
      try await services.client.assignDevices(devices.map(\.id), toDeviceGroup: to.id)
      services.note(
        "moved \(DeleteEngine.count(devices.count, "device")) from '\(from.name)' to '\(to.name)'")
      return try await support.refreshed(devices, DeviceFilter(deviceGroupID: to.id))
    })
}

/// Yields each value of an optional filter, or one nil when the filter is absent, so
/// nested loops make one request per combination of filter values.
enum Combinations {
  /// `nil` → `[nil]`; `[a, b]` → `[a, b]`; `[]` → `[]` (no values, no requests).
  static func values<T>(_ values: [T]?) -> [T?] {
    guard let values else { return [nil] }
    return values.map { $0 }
  }
}
