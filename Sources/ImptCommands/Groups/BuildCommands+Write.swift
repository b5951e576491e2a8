import ImpCentral
import ImptLanguage

/// `build get`, `build update`, `build delete` and `build cleanup`.
extension BuildCommands {
  static let get = CommandSpec(
    group: "build", verb: "get", summary: "write a build's code to files, then show the build",
    details: """
      Without --build, takes the current build of the session's device group. Relative \
      paths start at the working folder; existing files are overwritten only after you \
      agree, or with --confirmed.
      """,
    options: [
      Opt.build(), Opt.deviceFile, Opt.agentFile,
      OptionSpec("device-only", short: "i", kind: .flag, summary: "write only the device code"),
      OptionSpec("agent-only", short: "j", kind: .flag, summary: "write only the agent code"),
      Opt.confirmed,
    ],
    examples: [
      CommandExample(
        "build get --build MyRC1 --device-file device.nut --agent-file agent.nut --confirmed",
        "both code files", setup: buildSetup),
      CommandExample(
        "build get --build MyRC1 --device-file device.nut --device-only --confirmed",
        "the device code only", setup: buildSetup),
    ],
    effect: .write, result: .entity(.deployment), pipeOption: "build",
    action: Action.run { arguments, services in
      let build = try await BuildSupport(services).build(arguments)
      try await BuildDownload(services: services, build: build).run(arguments)
      return build.value
    })

  static let update = CommandSpec(
    group: "build", verb: "update", summary: "change a build's description, tags or flag",
    details: """
      Without --build, changes the current build of the session's device group. --tag \
      adds a tag and --remove-tag takes one away; both repeat.
      """,
    options: [
      Opt.build(), Opt.descr, Opt.tags,
      OptionSpec(
        "remove-tag", short: "r", kind: .textList, placeholder: "TAG",
        summary: "a tag to take away (repeat for several)"),
      Opt.flaggedToggle,
    ],
    examples: [
      CommandExample(
        "build update --build MyRC1 --tag MyRelease --remove-tag MyRC1 --flagged",
        "promote a release candidate", setup: buildSetup),
      CommandExample(
        #"build update --build MyRC1 --descr "passed the soak test""#, "a new description",
        setup: buildSetup),
    ],
    effect: .write, result: .entity(.deployment), pipeOption: "build",
    action: Action.run { arguments, services in
      let build = try await BuildSupport(services).build(arguments)
      let changes = DeploymentChanges(
        description: arguments.string("descr"), flagged: arguments.toggle("flagged"),
        tags: retagged(build, arguments))
      guard changes != DeploymentChanges() else { return build.value }
      let updated = try await services.client.updateDeployment(id: build.id, changes)
      services.note("updated \(DeletePlan.describe(updated))")
      return updated.value
    })

  /// The build's tags after `--remove-tag` and `--tag`; nil when neither was given.
  private static func retagged(_ build: Deployment, _ arguments: Arguments) -> [String]? {
    let added = arguments.list("tag")
    let removed = arguments.list("remove-tag")
    guard !added.isEmpty || !removed.isEmpty else { return nil }
    var tags = build.tags.filter { !removed.contains($0) }
    for tag in added where !tags.contains(tag) { tags.append(tag) }
    return tags
  }

  static let delete = CommandSpec(
    group: "build", verb: "delete", summary: "delete a build",
    details: """
      A group keeps its minimum supported build and every newer one; only older builds, \
      and builds whose group is gone, can be deleted. A flagged build is kept unless \
      --force unflags it first.
      """,
    options: [Opt.build(.required), Opt.force, Opt.confirmed],
    examples: [
      CommandExample(
        "build delete --build MyRC1 --confirmed", "a build older than the minimum supported",
        setup: buildSetup + [
          "build deploy --dg MyDevDG --tag MyRC2",
          "dg update --dg MyDevDG --min-supported-deployment MyRC2",
        ]),
      CommandExample(
        "build delete --build MyRC1 --force --confirmed", "a flagged build of a deleted group",
        setup: buildSetup + [
          "dg delete --dg MyDevDG --confirmed", "build update --build MyRC1 --flagged",
        ]),
    ],
    effect: .destructive, pipeOption: "build",
    action: Action.run { arguments, services in
      let support = BuildSupport(services)
      let build = try await support.resolver.deployment(
        try arguments.identifier("build").orMissing("build"))
      let force = arguments.flag("force")
      try await support.checkDeletable(build, force: force)
      let plan = DeletePlan(unflag: force && build.flagged ? [build] : [], deployments: [build])
      try await DeleteEngine(services: services).run(plan, arguments)
      return .null
    })

  static let cleanup = CommandSpec(
    group: "build", verb: "cleanup", summary: "delete the builds whose device group is gone",
    details: """
      Flagged builds are kept unless --unflag unflags them first. Returns the builds it \
      deleted, or nothing when there was nothing to delete.
      """,
    options: [
      OptionSpec(
        "product", short: "p", placeholder: "PRODUCT",
        summary: "only builds made for this product", identifies: .product),
      OptionSpec(
        "unflag", short: "u", kind: .flag, summary: "also unflag and delete flagged builds"),
      Opt.confirmed,
    ],
    examples: [
      CommandExample(
        "build cleanup --product MyProduct --confirmed", "the builds of deleted groups",
        setup: buildSetup + ["dg delete --dg MyDevDG --confirmed"])
    ],
    effect: .destructive, result: .list(.deployment),
    action: Action.run { arguments, services in
      try await BuildCleanup(services: services).run(arguments)
    })
}
