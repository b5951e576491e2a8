import ImpCentral

/// The handlers of the admin API's operations.
///
/// Each reads and checks its whole body before it looks anything up, so a malformed
/// request is told about its body first.
enum AdminRoutes {
  /// `GET /sandbox/v1`: what this server is and which operations it offers.
  static func capabilities(_ call: AdminCall) throws -> HTTPResponse {
    let operations = AdminRoute.all.map { route -> JSONValue in
      [
        "method": .string(route.method.rawValue),
        "path": .string(SandboxAdminAPI.pathPrefix + (route.path == "/" ? "" : route.path)),
        "summary": .string(route.summary), "fields": .array(route.fields.map(JSONValue.string)),
        "needs_login": .bool(route.needsLogin),
      ]
    }
    return AdminReply.json(
      200,
      [
        "service": .string(SandboxAdminAPI.serviceName), "version": 1, "api": "/v5",
        "operations": .array(operations),
      ])
  }

  /// `POST /devices {count, name_prefix, imp_type, online}`.
  static func addDevices(_ call: AdminCall) throws -> HTTPResponse {
    let body = try call.body(allowEmpty: true)
    let devices = try call.sandbox.addDevices(
      count: try body.integer("count", in: 1...100_000, fallback: 1),
      namePrefix: try body.string("name_prefix"),
      impType: try body.string("imp_type") ?? "imp006",
      online: try body.bool("online", fallback: true), owner: call.accountID)
    return AdminReply.json(201, ["devices": .array(devices.map(json))])
  }

  /// `POST /factory {fixture_group_id, count}`.
  static func runFactory(_ call: AdminCall) throws -> HTTPResponse {
    let body = try call.body()
    let group = try body.string("fixture_group_id", required: true) ?? ""
    let count = try body.integer("count", in: 1...10_000, fallback: 1)
    try call.sandbox.adminCheckGroup(group, inAccount: call.accountID)
    let devices = try call.sandbox.runFactory(fixtureGroup: group, count: count)
    return AdminReply.json(201, ["devices": .array(devices.map(json))])
  }

  /// `POST /blinkup {device_id}`.
  static func blinkup(_ call: AdminCall) throws -> HTTPResponse {
    let id = try device(call, try call.body())
    return AdminReply.json(200, ["device": json(try call.sandbox.blinkup(device: id))])
  }

  /// `POST /logs {device_id, text, type}`.
  static func emitLog(_ call: AdminCall) throws -> HTTPResponse {
    let body = try call.body()
    let text = try body.string("text", required: true) ?? ""
    let type = try body.string("type") ?? "server.log"
    let id = try device(call, body)
    try call.sandbox.emitLog(device: id, text: text, type: type)
    return AdminReply.noContent
  }

  /// `POST /online {device_id, online}`.
  static func setOnline(_ call: AdminCall) throws -> HTTPResponse {
    let body = try call.body()
    let online = try body.bool("online", fallback: nil)
    let id = try device(call, body)
    return AdminReply.json(200, ["device": json(try call.sandbox.setOnline(device: id, online))])
  }

  /// `GET /webhooks`: every webhook firing in the sandbox, oldest first.
  static func webhooks(_ call: AdminCall) throws -> HTTPResponse {
    let firings = try call.sandbox.webhookFirings().map { firing -> JSONValue in
      [
        "sequence": .number(Double(firing.sequence)), "webhook_id": .string(firing.webhookID),
        "devicegroup_id": .string(firing.deviceGroupID), "event": .string(firing.event),
        "url": .string(firing.url), "content_type": .string(firing.contentType),
        "payload": firing.payload, "fired_at": .string(firing.firedAt),
      ]
    }
    return AdminReply.json(200, ["firings": .array(firings)])
  }

  /// `POST /reset`: the whole sandbox back to its seeded accounts.
  static func reset(_ call: AdminCall) throws -> HTTPResponse {
    try call.sandbox.reset()
    return AdminReply.noContent
  }

  /// The id of the caller's device that `device_id` names.
  private static func device(_ call: AdminCall, _ body: AdminBody) throws -> String {
    let key = try body.string("device_id", required: true) ?? ""
    return try call.sandbox.adminDeviceID(key, inAccount: call.accountID)
  }

  /// A device in the attribute names impCentral uses.
  static func json(_ device: SimulatedDevice) -> JSONValue {
    [
      "id": .string(device.id), "name": device.name.map(JSONValue.string) ?? .null,
      "mac_address": .string(device.macAddress), "imp_type": .string(device.impType),
      "device_online": .bool(device.online),
      "agent_id": device.agentID.map(JSONValue.string) ?? .null,
      "devicegroup_id": device.deviceGroupID.map(JSONValue.string) ?? .null,
      "blessed": .bool(device.blessed),
    ]
  }
}
