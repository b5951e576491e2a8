import ImpCentral

/// `/devices`: list, show, rename, remove, restart devices and read their logs.
///
/// Every `{id}` may be the device id, its MAC address or its agent id.
enum DeviceRoutes {
  /// The endpoints this file serves.
  static let routes: [Route] = [
    .auth(.get, "/devices", list),
    .auth(.get, "/devices/*", show),
    .auth(.patch, "/devices/*", update),
    .auth(.delete, "/devices/*", delete),
    .auth(.post, "/devices/*/restart", restart),
    .auth(.post, "/devices/*/conditional_restart", conditionalRestart),
    .auth(.get, "/devices/*/logs", logs),
  ]

  /// Lists the caller's devices one page at a time, filtered.
  static func list(_ ctx: RequestContext) throws -> Reply {
    let query = try ListQuery(
      ctx.request,
      allowed: [
        "owner.id": .id, "product.id": .id, "devicegroup.id": .id,
        "devicegroup.owner.id": .idOrNull, "devicegroup.type": .groupType,
      ])
    var select = Select(
      columns: Device.columns, from: Device.source, owner: ctx.caller.id, alias: "d")
    select.filter(query, "owner.id", "d.owner_id = ?")
    select.filter(query, "product.id", "g.product_id = ?")
    select.filter(query, "devicegroup.id", "d.devicegroup_id = ?")
    select.filter(query, "devicegroup.type", "g.type = ?")
    if let groupOwner = query.filters["devicegroup.owner.id"] {
      if groupOwner == "null" {
        select.add("d.devicegroup_id IS NULL")
      } else {
        select.add("g.owner_id = ?", [.text(groupOwner)])
      }
    }
    let rows = try select.run(ctx.db, query) { render(Device($0), ctx.base) }
    return CollectionReply.make(rows, query: query, request: ctx.request, base: ctx.base)
  }

  /// Shows one device.
  static func show(_ ctx: RequestContext) throws -> Reply {
    .ok(render(try find(ctx.parameter(0), ctx), ctx.base))
  }

  /// Updates the attributes a request gives.
  static func update(_ ctx: RequestContext) throws -> Reply {
    let device = try find(ctx.parameter(0), ctx)
    let input = try ResourceInput(
      ctx.request, .init(types: ["device"], attributes: ["name"], allowsID: true))
    if let given = input.id, ![device.id, device.mac, device.agentID].contains(given) {
      throw APIError.idMismatch(given)
    }
    if let name = try AttributeReader(input).nullableText("name", .name, length: 0...255) {
      try ctx.db.execute(
        "UPDATE devices SET name = ?, updated_at = ? WHERE id = ?",
        [.text(name), .text(ctx.tx.timestamp), .text(device.id)])
    }
    return .ok(render(try find(device.id, ctx), ctx.base))
  }

  /// Removes an unassigned device from the account.
  static func delete(_ ctx: RequestContext) throws -> Reply {
    let device = try find(ctx.parameter(0), ctx)
    guard device.groupID == nil else { throw APIError.deviceAssigned() }
    try ctx.db.execute("DELETE FROM devices WHERE id = ?", [.text(device.id)])
    return .noContent
  }

  static func restart(_ ctx: RequestContext) throws -> Reply {
    let device = try find(ctx.parameter(0), ctx)
    guard device.groupID != nil else { throw APIError.deviceNotAssigned() }
    try DeviceRuntime.restart(device, ctx.tx)
    return .noContent
  }

  static func conditionalRestart(_ ctx: RequestContext) throws -> Reply {
    let device = try find(ctx.parameter(0), ctx)
    guard device.groupID != nil else { throw APIError.deviceNotAssigned() }
    try DeviceRuntime.conditionalRestart(device, ctx.tx)
    return .noContent
  }

  /// The device's log history, newest first.
  static func logs(_ ctx: RequestContext) throws -> Reply {
    let device = try find(ctx.parameter(0), ctx)
    let query = try ListQuery(ctx.request, allowed: [:])
    let rows = try ctx.db.query(
      """
      SELECT ts, type, msg, log_type FROM device_logs WHERE device_id = ?
      ORDER BY seq DESC LIMIT ? OFFSET ?
      """, [.text(device.id), .int(query.fetchLimit), .int(query.offset)]
    ) { row in
      LogLine(
        deviceID: device.id, ts: row.text(0), logType: row.text(3), type: row.text(1),
        msg: row.text(2)
      ).fragment
    }
    return CollectionReply.make(rows, query: query, request: ctx.request, base: ctx.base)
  }

  /// The caller's device whose id, MAC or agent id is `key`, or a 404.
  static func find(_ key: String, _ ctx: RequestContext) throws -> Device {
    guard let device = try ctx.db.device(key, ownerID: ctx.caller.id) else {
      throw APIError.notFound("device", key)
    }
    return device
  }

  /// The resource object of one device.
  static func render(_ device: Device, _ base: String) -> JSONFragment {
    Render.resource(
      type: "device", id: device.id, path: "/devices", base: base,
      attributes: [
        "agent_id": Render.text(device.agentID), "agent_running": .bool(device.agentRunning),
        "agent_state_changed_at": Render.text(device.agentStateChangedAt),
        "agent_url": Render.text(device.agentURL), "created_at": .string(device.createdAt),
        "device_online": .bool(device.online),
        "device_state_changed_at": .string(device.deviceStateChangedAt),
        "free_memory": .number(Double(device.freeMemory)), "imp_type": .string(device.impType),
        "ip_address": Render.text(device.ipAddress),
        "last_enrolled_at": .string(device.lastEnrolledAt), "mac_address": .string(device.mac),
        "name": Render.text(device.name), "plan_id": .string(device.planID),
        "rssi": .number(Double(device.rssi)), "swversion": .string(device.swversion),
        "updated_at": .string(device.updatedAt),
      ],
      relationships: [
        "devicegroup": Render.group(device.groupID, type: device.groupType?.apiType),
        "owner": Render.account(device.ownerID), "product": Render.product(device.productID),
      ])
  }
}
