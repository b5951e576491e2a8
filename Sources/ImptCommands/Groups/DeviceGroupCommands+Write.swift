import Foundation
import ImpCentral
import ImptLanguage

/// `dg create`, `dg update` and `dg builds`.
extension DeviceGroupCommands {
  static let create = CommandSpec(
    group: "dg", verb: "create", summary: "create a device group",
    details: """
      A factory (or pre-factory) group needs a production target (--target) and a DUT \
      target (--dut) of the matching types in the same product. --region is for \
      production and pre-production groups only.
      """,
    options: [
      Opt.requiredName,
      OptionSpec(
        "dg-type", short: "y", kind: .choice(Opt.dgTypes), placeholder: "TYPE",
        summary: "the type: development (the default), production, factory, dut, …"),
      Opt.product(), Opt.descr, Opt.dut, Opt.target,
      OptionSpec(
        "region", short: "r", kind: .text(allowsEmpty: true), placeholder: "REGION",
        summary: "the region of a production group"),
      Opt.envVariable,
    ],
    examples: [
      CommandExample(
        "dg create --name MyDevDG --product MyProduct", "a development group",
        setup: ["product create --name MyProduct"]),
      CommandExample(
        "dg create --name MyProductionDG --dg-type production --product MyProduct",
        "a production group", setup: ["product create --name MyProduct"]),
      CommandExample(
        "dg create --name MyFactoryDG --dg-type factory --product MyProduct "
          + "--target MyProductionDG --dut MyDUTDG",
        "a factory group with both targets",
        setup: [
          "product create --name MyProduct",
          "dg create --name MyProductionDG --dg-type production --product MyProduct",
          "dg create --name MyDUTDG --dg-type dut --product MyProduct",
        ]),
    ],
    effect: .write, result: .entity(.deviceGroup),
    action: Action.run { arguments, services in
      let type = try DeviceGroupType(validating: arguments.string("dg-type") ?? "development")
      try DeviceGroupRules.checkCreate(type, arguments)
      let support = DeviceGroupSupport(services)
      let product = try await support.resolver
        .product(try arguments.identifier("product").orMissing("product"))
      let targets = try await support.targets(arguments, type: type, productID: product.id)
      let draft = DeviceGroupDraft(
        type: type, name: try arguments.required("name"), productID: product.id,
        description: arguments.string("descr"), region: arguments.string("region"),
        envVars: try DeviceGroupRules.environment(arguments),
        productionTarget: targets.production, dutTarget: targets.dut)
      let group = try await services.client.createDeviceGroup(draft)
      services.note("created \(type.name) device group '\(group.name)'")
      return group.value
    })

  static let update = CommandSpec(
    group: "dg", verb: "update", summary: "change a device group",
    options: [
      Opt.dg(), Opt.name, Opt.descr, Opt.dut, Opt.target,
      OptionSpec(
        "load-code-after-blessing", short: "l", kind: .toggle,
        summary: "load the application at blessing (true) or at activation (false)"),
      OptionSpec(
        "min-supported-deployment", short: "m", placeholder: "BUILD",
        summary: "the oldest build devices may keep running", identifies: .deployment),
      Opt.envVariable,
    ],
    examples: [
      CommandExample(
        "dg update --dg MyProductionDG --load-code-after-blessing false",
        "load the application when an end user activates the device",
        setup: [
          "product create --name MyProduct",
          "dg create --name MyProductionDG --dg-type production --product MyProduct",
        ])
    ],
    effect: .write, result: .entity(.deviceGroup), pipeOption: "dg",
    action: Action.run { arguments, services in
      let support = DeviceGroupSupport(services)
      let group = try await support.group(arguments)
      try DeviceGroupRules.checkUpdate(group, arguments)
      if let build = arguments.identifier("min-supported-deployment") {
        try await support.setMinSupported(build, of: group)
      }
      let targets = try await support.targets(
        arguments, type: group.groupType, productID: group.product.id)
      let changes = DeviceGroupChanges(
        name: arguments.string("name"), description: arguments.string("descr"),
        loadCodeAfterBlessing: arguments.toggle("load-code-after-blessing"),
        envVars: try DeviceGroupRules.environment(arguments),
        productionTarget: targets.production, dutTarget: targets.dut)
      guard changes != DeviceGroupChanges() else {
        return try await services.client.deviceGroup(id: group.id).value
      }
      let updated = try await services.client.updateDeviceGroup(
        id: group.id, type: group.groupType, changes)
      services.note("updated device group '\(updated.name)'")
      return updated.value
    })

  static let builds = CommandSpec(
    group: "dg", verb: "builds", summary: "tidy a device group's builds, then list them",
    details: """
      --unflag unflags every flagged build; --unflag-old only those older than the \
      minimum supported build; --remove deletes unflagged builds older than the minimum \
      supported build.
      """,
    options: [
      Opt.dg(),
      OptionSpec("unflag", short: "u", kind: .flag, summary: "unflag every flagged build"),
      OptionSpec(
        "unflag-old", short: "o", kind: .flag,
        summary: "unflag builds older than the minimum supported build"),
      OptionSpec(
        "remove", short: "r", kind: .flag,
        summary: "delete unflagged builds older than the minimum supported build"),
      Opt.confirmed,
    ],
    examples: [
      CommandExample(
        "dg builds --dg MyDevDG", "the builds of a group",
        setup: ["product create --name MyProduct", "dg create --name MyDevDG --product MyProduct"])
    ],
    effect: .destructive, confirmation: .whenGiven(["unflag", "unflag-old", "remove"]),
    result: .list(.deployment), pipeOption: "dg",
    action: Action.run { arguments, services in
      let group = try await DeviceGroupSupport(services).group(arguments)
      return try await BuildHousekeeping(services: services, group: group).run(arguments)
    })
}
