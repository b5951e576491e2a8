import ImpCentral
import ImptLanguage

/// `device assign`, `device remove`, `device restart` and `device unassign`.
extension DeviceCommands {
  static let assign = CommandSpec(
    group: "device", verb: "assign", summary: "put a device into a device group",
    details: """
      A device already in another group moves, after you agree (or with --confirmed). \
      Production and DUT groups take devices only from the factory line.
      """,
    options: [Opt.device(), Opt.dg(), Opt.confirmed],
    examples: [
      CommandExample(
        "device assign --device fixture-1 --dg MyDevDG", "an unassigned device",
        setup: deviceSetup),
      CommandExample(
        "device assign --device fixture-1 --dg MyOtherDG --confirmed",
        "move a device from another group",
        setup: assignedSetup + ["dg create --name MyOtherDG --product MyProduct"]),
      CommandExample(
        "device list --unassigned | device assign --dg MyDevDG", "every waiting device",
        setup: deviceSetup),
    ],
    effect: .destructive, confirmation: .sometimes, result: .entity(.device),
    pipeOption: "device",
    action: Action.run { arguments, services in
      let support = DeviceSupport(services)
      let device = try await support.device(arguments)
      let group = try await DeviceGroupSupport(services).group(arguments)
      return try await support.move(device, to: group, arguments)
    })

  static let remove = CommandSpec(
    group: "device", verb: "remove", summary: "remove a device from the account",
    details: """
      An assigned device cannot be removed; --force unassigns it first. A device in a \
      production group must be unassigned with the unbond key ('device unassign --unbond').
      """,
    options: [Opt.device(), Opt.force, Opt.confirmed],
    examples: [
      CommandExample(
        "device remove --device fixture-2 --confirmed", "an unassigned device",
        setup: deviceSetup),
      CommandExample(
        "device remove --device fixture-1 --force --confirmed", "an assigned device",
        setup: assignedSetup),
    ],
    effect: .destructive, pipeOption: "device",
    action: Action.run { arguments, services in
      let support = DeviceSupport(services)
      let device = try await support.device(arguments)
      var plan = DeletePlan(devices: [device])
      if let group = try await support.group(of: device) {
        try checkRemovable(device, in: group, force: arguments.flag("force"))
        plan.unassign = [(device: device, group: group)]
      }
      try await DeleteEngine(services: services).run(plan, arguments)
      return .null
    })

  /// Refuses to remove an assigned device without `--force`, or one only the unbond key
  /// can take out of its group.
  private static func checkRemovable(_ device: Device, in group: DeviceGroup, force: Bool) throws {
    let name = DeviceSupport.describe(device)
    if group.groupType.isProductionFamily {
      throw CommandError(
        "command.deviceAssigned",
        "\(name) is in the \(group.groupType.name) group '\(group.name)'",
        help: [
          "Take it out with 'device unassign --device \(device.id) --unbond KEY' first; "
            + "production devices leave their group only with the account's unbond key."
        ])
    }
    guard force else {
      throw CommandError(
        "command.deviceAssigned", "\(name) is assigned to device group '\(group.name)'",
        help: [
          "Add --force to unassign it first, or run 'device unassign --device \(device.id)'."
        ])
    }
  }

  static let restart = CommandSpec(
    group: "device", verb: "restart", summary: "restart a device",
    details: """
      With --conditional, a device running a build older than its group's minimum \
      supported build restarts at once; otherwise it is told an update is waiting and \
      restarts when its code allows. --log follows its log afterwards.
      """,
    options: [Opt.device(), Opt.conditional, Opt.log, Opt.confirmed],
    examples: [
      CommandExample(
        "device restart --device fixture-1 --confirmed", "restart now", setup: assignedSetup),
      CommandExample(
        "device restart --device fixture-1 --conditional --confirmed",
        "restart when the device's code allows", setup: assignedSetup),
    ],
    effect: .destructive, result: .entity(.device), pipeOption: "device",
    action: Action.run { arguments, services in
      let support = DeviceSupport(services)
      let device = try await support.device(arguments)
      guard let group = try await support.group(of: device) else {
        throw DeviceSupport.notAssigned(device, "it has no code to restart")
      }
      let conditional = arguments.flag("conditional")
      let how = conditional ? "conditionally restart" : "restart"
      try await Confirmation.require(
        services, arguments,
        summary: ["imptsh will \(how) \(DeviceSupport.describe(device)) of '\(group.name)'"])
      try await services.client.restartDevice(id: device.id, conditional: conditional)
      services.note("asked \(DeviceSupport.describe(device)) to \(how)")
      if arguments.flag("log") { try await LogStreaming(services).follow([device]) }
      return try await support.refreshed(device)
    })

  static let unassign = CommandSpec(
    group: "device", verb: "unassign", summary: "take a device out of its device group",
    details: """
      A device leaves a production group only with the account's unbond key (--unbond); \
      it becomes an unblessed development device.
      """,
    options: [Opt.device(), Opt.unbond, Opt.confirmed],
    examples: [
      CommandExample(
        "device unassign --device fixture-1 --confirmed", "out of a development group",
        setup: assignedSetup),
      CommandExample(
        "device unassign --device MyBlessedDevice --unbond sandbox-unbond-key --confirmed",
        "unbless a production device with the sandbox account's unbond key",
        setup: factorySetup),
    ],
    effect: .destructive, result: .entity(.device), pipeOption: "device",
    action: Action.run { arguments, services in
      let support = DeviceSupport(services)
      let device = try await support.device(arguments)
      guard let group = try await support.group(of: device) else {
        services.note("\(DeviceSupport.describe(device)) is not assigned to a device group")
        return device.value
      }
      let key = try DeviceGroupSupport(services).unbondKey(arguments, for: group)
      try await Confirmation.require(
        services, arguments,
        summary: ["imptsh will unassign \(DeviceSupport.describe(device)) from '\(group.name)'"])
      try await DeleteEngine(services: services).unassign(
        [(device: device, group: group)], unbondKey: key)
      return try await support.refreshed(device)
    })
}
