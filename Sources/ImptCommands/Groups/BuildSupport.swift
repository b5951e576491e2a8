import ImpCentral
import ImptLanguage

/// Steps the build commands share: finding a build, deploying code, checking a deletion.
struct BuildSupport {
  let services: any CommandServices
  let resolver: Resolver

  /// Creates the support for one command.
  init(_ services: any CommandServices) {
    self.services = services
    resolver = Resolver(client: services.client, productScope: services.context.productID)
  }

  /// The build `--build` names or, without it, the current build of the session's
  /// device group; fetched by id so its code is present.
  func build(_ arguments: Arguments) async throws -> Deployment {
    guard let value = arguments.identifier("build"), value != .null else {
      return try await currentBuildOfSession()
    }
    let build = try await resolver.deployment(value)
    guard build.deviceCode == nil || build.agentCode == nil else { return build }
    return try await services.client.deployment(id: build.id)
  }

  private func currentBuildOfSession() async throws -> Deployment {
    guard let groupID = services.context.deviceGroupID else {
      throw CommandError(
        "command.missingOption", "no '--build' was given and the session has no device group",
        help: [
          "Give --build, or choose a device group with 'use dg NAME' to use its current build."
        ])
    }
    let group = try await services.client.deviceGroup(id: groupID)
    guard let current = group.currentDeployment else {
      throw CommandError(
        "command.noBuild", "device group '\(group.name)' has no builds yet",
        help: ["Deploy one with 'build deploy --dg \(group.name)', or give --build."])
    }
    return try await services.client.deployment(id: current.id)
  }

  /// Reads the code files, resolves `--dg` and creates the build the options describe.
  ///
  /// The files the options name are read first, so a wrong path fails before anything
  /// is looked up. A file left out comes from the working folder's impt project when
  /// the build is for the project's device group, as impt does.
  func deploy(_ arguments: Arguments) async throws -> (DeviceGroup, Deployment) {
    let files = BuildCodeFiles(folder: services.workingFolder)
    var deviceCode = try files.read(arguments, option: "device-file")
    var agentCode = try files.read(arguments, option: "agent-file")
    let group = try await DeviceGroupSupport(services).group(arguments)
    if let project = services.context.project, project.deviceGroupID == group.id {
      deviceCode = try deviceCode ?? projectCode(project, "device-file")
      agentCode = try agentCode ?? projectCode(project, "agent-file")
    }
    let tags = arguments.list("tag")
    let draft = DeploymentDraft(
      deviceGroup: group.ref, deviceCode: deviceCode ?? "", agentCode: agentCode ?? "",
      description: arguments.string("descr"), origin: arguments.string("origin"),
      flagged: arguments.toggle("flagged"), tags: tags.isEmpty ? nil : tags)
    let build = try await services.client.createDeployment(draft)
    noteEmptyCode(device: deviceCode == nil, agent: agentCode == nil)
    services.note("created \(DeletePlan.describe(build)) for '\(group.name)'")
    return (group, build)
  }

  /// The code of the project's file for `option`, saying where it came from.
  private func projectCode(_ project: ProjectCode, _ option: String) throws -> String? {
    guard let code = try BuildCodeFiles.read(project, option: option),
      let name = project.file(for: option)
    else { return nil }
    services.note(
      "took the \(BuildCodeFiles.label(option)) from '\(name)', as the impt project names it")
    return code
  }

  /// Says which code is empty because no file was given for it.
  private func noteEmptyCode(device: Bool, agent: Bool) {
    switch (device, agent) {
    case (true, true):
      services.note(
        "neither '--device-file' nor '--agent-file' was given, so the build's code is empty")
    case (true, false), (false, true):
      let option = device ? "device-file" : "agent-file"
      services.note(
        "no '--\(option)' was given, so the build's \(BuildCodeFiles.label(option)) is empty")
    case (false, false):
      break
    }
  }

  /// Refuses, with the reason, to delete a build the service would keep: a flagged one
  /// (unless it is to be unflagged) or one from its group's minimum supported build on.
  func checkDeletable(_ build: Deployment, force: Bool) async throws {
    if build.flagged, !force {
      throw CommandError(
        "command.buildFlagged", "\(DeletePlan.describe(build)) is flagged, which protects it",
        help: [
          "Add --force to unflag and delete it, or unflag it first with "
            + "'build update --build \(build.id) --flagged false'."
        ])
    }
    guard let groupRef = build.deviceGroup else { return }
    let group = try await services.client.deviceGroup(id: groupRef.id)
    guard let minimumRef = group.minSupportedDeployment else { return }
    let minimum = try await services.client.deployment(id: minimumRef.id)
    if let reason = Self.keepReason(build, minimum: minimum) {
      throw CommandError(
        "command.buildSupported",
        "\(DeletePlan.describe(build)) \(reason) of device group '\(group.name)'",
        help: [
          "Only builds older than the minimum supported build can be deleted. Make a newer "
            + "build the minimum with 'dg update --dg \(group.name) "
            + "--min-supported-deployment BUILD', or delete older builds."
        ])
    }
  }

  /// Why a group keeps `build`, or nil when it may go.
  ///
  /// Builds made at the very same instant as the minimum are left to the service, which
  /// knows their order.
  static func keepReason(_ build: Deployment, minimum: Deployment) -> String? {
    if build.id == minimum.id { return "is the minimum supported build" }
    guard let made = build.createdAt, let limit = minimum.createdAt, made > limit else {
      return nil
    }
    return "is newer than the minimum supported build \(minimum.id)"
  }
}
