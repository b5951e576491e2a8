import ImpCentral

/// Restarts, device assignment and the min-supported deployment of a device group.
enum DeviceGroupActions {
  /// The endpoints this file serves.
  static let routes: [Route] = [
    .auth(.post, "/devicegroups/*/restart", restart),
    .auth(.post, "/devicegroups/*/conditional_restart", conditionalRestart),
    .auth(.post, "/devicegroups/*/relationships/devices", addDevices),
    .auth(.delete, "/devicegroups/*/relationships/devices", removeDevices),
    .auth(.put, "/devicegroups/*/relationships/min_supported_deployment", setMinSupported),
  ]

  /// Restarts every device in the group (an empty group is fine).
  static func restart(_ ctx: RequestContext) throws -> Reply {
    let group = try DeviceGroupRoutes.find(ctx.parameter(0), ctx)
    for device in try ctx.db.devices(inGroup: group.id) {
      try DeviceRuntime.restart(device, ctx.tx)
    }
    return .noContent
  }

  /// Conditionally restarts every device in the group.
  static func conditionalRestart(_ ctx: RequestContext) throws -> Reply {
    let group = try DeviceGroupRoutes.find(ctx.parameter(0), ctx)
    for device in try ctx.db.devices(inGroup: group.id) {
      try DeviceRuntime.conditionalRestart(device, ctx.tx)
    }
    return .noContent
  }

  /// Assigns (or moves) devices to the group; all of them or, on any refusal, none.
  static func addDevices(_ ctx: RequestContext) throws -> Reply {
    let group = try DeviceGroupRoutes.find(ctx.parameter(0), ctx)
    var failures: [APIError.Entry] = []
    for key in try DeviceAssignment.keys(ctx.request) {
      guard let device = try ctx.db.device(key, ownerID: ctx.caller.id) else {
        failures += APIError.notFound("device", key).entries
        continue
      }
      if let reason = DeviceAssignment.refusal(device, joining: group) {
        failures += APIError.assignmentRefused("Device '\(key)': \(reason)").entries
        continue
      }
      try DeviceAssignment.assign(device, to: group, ctx.tx)
    }
    guard failures.isEmpty else { throw APIError(status: 400, entries: failures) }
    return .noContent
  }

  /// Unassigns devices from the group; production groups need the unbond key.
  static func removeDevices(_ ctx: RequestContext) throws -> Reply {
    let group = try DeviceGroupRoutes.find(ctx.parameter(0), ctx)
    if group.isProductionFamily,
      !ctx.caller.checkUnbondKey(ctx.request.headers["X-Electricimp-Key"])
    {
      throw APIError.invalidUnbondKey()
    }
    var failures: [APIError.Entry] = []
    for key in try DeviceAssignment.keys(ctx.request) {
      guard let device = try ctx.db.device(key, ownerID: ctx.caller.id),
        device.groupID == group.id
      else {
        failures.append(
          APIError.Entry(
            status: 404, code: "NF004", title: "Device Not In Devicegroup",
            detail: "Device '\(key)' is not assigned to devicegroup '\(group.id)'."))
        continue
      }
      try DeviceAssignment.unassign(device, ctx.tx)
    }
    guard failures.isEmpty else { throw APIError(status: 400, entries: failures) }
    return .noContent
  }

  /// Moves the group's min-supported deployment to a deployment of the group that is not
  /// older than the current one.
  static func setMinSupported(_ ctx: RequestContext) throws -> Reply {
    let group = try DeviceGroupRoutes.find(ctx.parameter(0), ctx)
    let name = "min_supported_deployment"
    guard let data = try ctx.request.json()["data"], data.objectValue != nil else {
      throw APIError.invalidDocument(
        "The request body must be an object whose 'data' names a deployment.")
    }
    let ref = try ResourceInput.linkage(data, name: name)
    guard ref.type == "deployment" else {
      throw APIError.invalidRelationship(name, "must have type 'deployment'")
    }
    guard let deployment = try ctx.db.deployment(id: ref.id, ownerID: ctx.caller.id) else {
      throw APIError.notFound("deployment", ref.id)
    }
    guard deployment.groupID == group.id else {
      throw APIError.invalidRelationship(name, "must be a deployment of devicegroup '\(group.id)'")
    }
    if let currentID = group.minSupportedDeploymentID,
      let current = try ctx.db.deployment(id: currentID), deployment.seq < current.seq
    {
      throw APIError.minSupportedTooOld()
    }
    try ctx.db.execute(
      "UPDATE devicegroups SET min_supported_deployment_id = ?, updated_at = ? WHERE id = ?",
      [.text(deployment.id), .text(ctx.tx.timestamp), .text(group.id)])
    return .noContent
  }
}
