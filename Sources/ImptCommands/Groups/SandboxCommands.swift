import ImpCentral
import ImptLanguage

/// `sandbox …`: what hardware, factories and end users do to a sandbox account.
///
/// Accepted only on the sandbox backend. Devices are named as everywhere else (id, name,
/// MAC address, agent id) and results are read back through the API.
enum SandboxCommands {
  /// The group's commands, in help order.
  static let all = [
    deviceAdd, factoryRun, blinkup, log, online, offline, webhooks, reset,
  ]

  static let deviceAdd = CommandSpec(
    group: "sandbox", verb: "device add", summary: "add new unassigned devices to the account",
    details: """
      The devices are named PREFIX-1, PREFIX-2… (numbering continues after existing \
      names) and come online at once unless --offline is given.
      """,
    options: [
      SandboxOptions.count,
      OptionSpec(
        "name", short: "n", placeholder: "PREFIX",
        summary: "name the devices PREFIX-1, PREFIX-2…"),
      OptionSpec(
        "imp-type", short: "t", placeholder: "TYPE",
        summary: "the hardware: imp001 to imp007 (default imp006)"),
      OptionSpec("offline", short: "f", kind: .flag, summary: "leave the devices offline"),
    ],
    examples: [
      CommandExample("sandbox device add --count 2 --name fixture", "two devices for a test rig"),
      CommandExample(
        "sandbox device add --imp-type imp004m --offline", "one offline imp004m module"),
    ],
    effect: .write, result: .list(.device), availability: .sandboxOnly,
    action: Action.run { arguments, services in
      let support = try SandboxSupport(services, arguments)
      let ids = try await support.control.addDevices(
        count: SandboxSupport.count(arguments), namePrefix: arguments.string("name"),
        impType: arguments.string("imp-type"), online: !arguments.flag("offline"))
      let devices = try await support.devices(
        ids, among: DeviceFilter(deviceGroupOwner: .unassigned))
      services.note("added \(DeleteEngine.count(devices.count, "device")) to the account")
      return EntityValues.list(devices)
    })

  static let factoryRun = CommandSpec(
    group: "sandbox", verb: "factory run",
    summary: "run a factory line: bless new devices into production",
    details: """
      The fixture of a factory (or pre-factory) device group sends BlinkUp to new devices; \
      each one runs the factory code in the DUT target and is blessed into the production \
      target, whose blessing webhooks fire. The group needs a build and a fixture device \
      assigned to it.
      """,
    options: [Opt.dg(), SandboxOptions.count],
    examples: [
      CommandExample(
        "sandbox factory run --dg MyFactoryDG --count 3", "bless three devices",
        setup: SandboxExamples.factory)
    ],
    effect: .write, result: .list(.device), pipeOption: "dg", availability: .sandboxOnly,
    action: Action.run { arguments, services in
      let support = try SandboxSupport(services, arguments)
      let group = try await DeviceGroupSupport(services).group(arguments)
      let ids = try await support.control.runFactory(
        fixtureGroupID: group.id, count: SandboxSupport.count(arguments))
      let filter = DeviceFilter(deviceGroupID: group.productionTarget?.id)
      let devices = try await support.devices(ids, among: filter)
      services.note(
        "blessed \(DeleteEngine.count(devices.count, "device")) on the line of '\(group.name)'")
      return EntityValues.list(devices)
    })

  static let webhooks = CommandSpec(
    group: "sandbox", verb: "webhooks", summary: "list the webhook calls the sandbox made",
    details: """
      Every firing is recorded, oldest first: when, the event, the URL, the content type \
      and the payload. Calls to loopback URLs are also sent for real.
      """,
    examples: [
      CommandExample(
        #"sandbox webhooks | where event == "blessing""#, "the blessing calls of a factory run",
        setup: SandboxExamples.factory + ["sandbox factory run --dg MyFactoryDG --count 2"])
    ],
    result: .record, availability: .sandboxOnly,
    action: Action.run { arguments, services in
      .list(try await SandboxSupport(services, arguments).control.webhookFirings())
    })

  static let reset = CommandSpec(
    group: "sandbox", verb: "reset", summary: "empty the sandbox back to its seeded accounts",
    details: """
      Deletes every product, device group, build, device, webhook, log and login key, and \
      ends every login; the session then logs in again as the seeded account.
      """,
    options: [Opt.confirmed],
    examples: [CommandExample("sandbox reset --confirmed", "start again from nothing")],
    effect: .destructive, availability: .sandboxOnly,
    action: Action.run { arguments, services in
      let control = try SandboxSupport(services, arguments).control
      try await Confirmation.require(
        services, arguments,
        summary: ["imptsh will empty the sandbox: every entity, log and login goes"])
      try await control.reset()
      let login = control.seededLogin
      // A dry run planned the reset, so the session keeps its login.
      if !services.isDryRun {
        _ = try await services.client.login(id: login.user, password: login.password)
      }
      services.note("the sandbox is back to its seeded accounts; logged in as '\(login.user)'")
      if services.context.productID != nil || services.context.deviceGroupID != nil {
        services.note("the session's product and device group are gone; 'use none' clears them")
      }
      return .null
    })
}
