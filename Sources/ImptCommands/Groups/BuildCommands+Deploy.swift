import ImpCentral
import ImptLanguage

/// `build deploy`, `build run` and `build copy`: the commands that make builds.
extension BuildCommands {
  /// The options `build deploy` and `build run` share.
  static let deployOptions: [OptionSpec] = [
    Opt.dg(), Opt.deviceFile, Opt.agentFile, Opt.descr,
    OptionSpec(
      "origin", short: "o", kind: .text(allowsEmpty: true), placeholder: "ORIGIN",
      summary: "where the code came from, such as a commit or a release name"),
    Opt.tags, Opt.flaggedToggle,
  ]

  static let deploy = CommandSpec(
    group: "build", verb: "deploy", summary: "make a build of code files for a device group",
    details: """
      Relative file paths start at the working folder; a file left out gives empty code. \
      The devices keep running their code until they restart ('dg restart', or \
      'build run' instead of deploy).
      """,
    options: deployOptions,
    examples: [
      CommandExample(
        "build deploy --dg MyDevDG --tag MyRC1 --flagged", "an empty, flagged build",
        setup: groupSetup),
      CommandExample(
        #"build deploy --dg MyDevDG --descr "nightly" --origin main --tag nightly"#,
        "a described build with its origin", setup: groupSetup),
    ],
    effect: .write, result: .entity(.deployment),
    action: Action.run { arguments, services in
      try await BuildSupport(services).deploy(arguments).1.value
    })

  static let run = CommandSpec(
    group: "build", verb: "run",
    summary: "make a build, make it the minimum supported, and restart the group's devices",
    details: """
      Like 'build deploy', then the new build becomes the group's minimum supported \
      build (so devices that are offline now load it when they connect) and the group's \
      devices restart: at once, or with --conditional as their code allows. --log follows \
      their logs afterwards. The group's description is left as it is.
      """,
    options: deployOptions + [Opt.conditional, Opt.log],
    examples: [
      CommandExample(
        "build run --dg MyDevDG --tag MyRC2", "deploy and restart",
        setup: groupSetup + ["sandbox device add --count 2 --name fixture"]
          + ["device assign --device fixture-1 --dg MyDevDG"]),
      CommandExample(
        "build run --dg MyDevDG --conditional", "let the devices choose when to restart",
        setup: groupSetup),
    ],
    effect: .write, result: .entity(.deployment),
    action: Action.run { arguments, services in
      let (group, build) = try await BuildSupport(services).deploy(arguments)
      try await DeviceGroupSupport(services).setMinSupported(build.value, of: group)
      let devices = try await services.client.devices(DeviceFilter(deviceGroupID: group.id))
      guard !devices.isEmpty else {
        services.note("device group '\(group.name)' has no devices to restart")
        return build.value
      }
      let conditional = arguments.flag("conditional")
      try await services.client.restartDeviceGroup(id: group.id, conditional: conditional)
      let how = conditional ? "conditionally restart" : "restart"
      services.note(
        "asked \(DeleteEngine.count(devices.count, "device")) of '\(group.name)' to \(how)")
      if arguments.flag("log") { try await LogStreaming(services).follow(devices) }
      return build.value
    })

  static let copy = CommandSpec(
    group: "build", verb: "copy", summary: "copy a build's code into a new build of a group",
    details: """
      Without --build, copies the current build of the session's device group. --all \
      also copies the description, origin, tags and flag. The devices are not restarted.
      """,
    options: [
      Opt.build(), Opt.dg(.required),
      OptionSpec(
        "all", short: "a", kind: .flag,
        summary: "also copy the description, origin, tags and flag"),
    ],
    examples: [
      CommandExample(
        "build copy --build MyRC1 --dg MyProductionDG --all",
        "promote a release candidate to production",
        setup: buildSetup + [
          "dg create --name MyProductionDG --dg-type production --product MyProduct"
        ])
    ],
    effect: .write, result: .entity(.deployment), pipeOption: "build",
    action: Action.run { arguments, services in
      let support = BuildSupport(services)
      let source = try await support.build(arguments)
      let group = try await DeviceGroupSupport(services).group(arguments)
      let all = arguments.flag("all")
      let draft = DeploymentDraft(
        deviceGroup: group.ref, deviceCode: source.deviceCode ?? "",
        agentCode: source.agentCode ?? "", description: all ? source.description : nil,
        origin: all ? source.origin : nil, flagged: all ? source.flagged : nil,
        tags: all && !source.tags.isEmpty ? source.tags : nil)
      let build = try await services.client.createDeployment(draft)
      services.note(
        "copied \(DeletePlan.describe(source)) to \(DeletePlan.describe(build)) "
          + "of '\(group.name)'")
      return build.value
    })
}
