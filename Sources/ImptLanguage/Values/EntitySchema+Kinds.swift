import ImpCentral

extension EntitySchema {
  /// `id` and `type`, which every entity has.
  static let commonFields: [EntityField] = [
    EntityField("id", .string, from: .id),
    EntityField("type", .string, from: .type),
  ]

  private static let timestamps: [EntityField] = [
    EntityField("created_at", .string),
    EntityField("updated_at", .string),
  ]

  private static func relationships(_ names: String...) -> [EntityField] {
    names.map { EntityField($0, .string, from: .relationship($0)) }
  }

  /// Accounts.
  static let account = EntitySchema(
    kind: .account,
    fields: commonFields + [
      EntityField("username", .string), EntityField("email", .string),
      EntityField("tier", .string),
    ] + timestamps)

  /// Products.
  static let product = EntitySchema(
    kind: .product,
    fields: commonFields + [EntityField("name", .string), EntityField("description", .string)]
      + timestamps + relationships("owner", "creator"),
    aliases: ["descr": "description"])

  /// Device groups of every type.
  static let deviceGroup = EntitySchema(
    kind: .deviceGroup,
    fields: commonFields + [
      EntityField("name", .string), EntityField("description", .string),
      EntityField("region", .string), EntityField("env_vars", .record(nil)),
      EntityField("load_code_after_blessing", .bool),
    ] + timestamps
      + relationships(
        "product", "owner", "creator", "production_target", "dut_target",
        "current_deployment", "min_supported_deployment"),
    aliases: [
      "descr": "description", "target": "production_target", "dut": "dut_target",
      "current": "current_deployment", "min_supported": "min_supported_deployment",
    ])

  /// Deployments (builds).
  static let deployment = EntitySchema(
    kind: .deployment,
    fields: commonFields + [
      EntityField("sha", .string), EntityField("tags", .list(.string)),
      EntityField("origin", .string), EntityField("flagged", .bool),
      EntityField("description", .string), EntityField("device_code", .string),
      EntityField("agent_code", .string),
    ] + timestamps + relationships("devicegroup", "product", "owner", "creator", "flagger"),
    aliases: ["descr": "description", "dg": "devicegroup"])

  /// Devices.
  static let device = EntitySchema(
    kind: .device,
    fields: commonFields + [
      EntityField("name", .string), EntityField("mac_address", .string),
      EntityField("agent_id", .string), EntityField("device_online", .bool),
      EntityField("agent_url", .string), EntityField("agent_running", .bool),
      EntityField("imp_type", .string), EntityField("ip_address", .string),
      EntityField("free_memory", .number), EntityField("rssi", .number),
      EntityField("swversion", .string), EntityField("plan_id", .string),
      EntityField("device_state_changed_at", .string),
      EntityField("agent_state_changed_at", .string),
      EntityField("last_enrolled_at", .string),
    ] + timestamps + relationships("devicegroup", "product", "owner"),
    aliases: [
      "online": "device_online", "mac": "mac_address", "agent": "agent_id",
      "ip": "ip_address", "dg": "devicegroup",
    ])

  /// Webhooks.
  static let webhook = EntitySchema(
    kind: .webhook,
    fields: commonFields + [
      EntityField("event", .string), EntityField("url", .string),
      EntityField("content_type", .string),
    ] + timestamps + relationships("devicegroup", "product", "owner", "creator"),
    aliases: ["dg": "devicegroup"])

  /// Login keys.
  static let loginKey = EntitySchema(
    kind: .loginKey,
    fields: commonFields + [EntityField("description", .string), EntityField("usages", .number)]
      + timestamps,
    aliases: ["descr": "description"])

  /// Historical log entries.
  static let logEntry = EntitySchema(
    kind: .logEntry,
    fields: [
      EntityField("id", .string, from: .id),
      // A log entry's `type` is its log type (`server.log`), an attribute.
      EntityField("type", .string),
      EntityField("ts", .string), EntityField("log_type", .string),
      EntityField("msg", .string), EntityField("device_id", .string),
    ] + relationships("device"),
    aliases: ["message": "msg", "time": "ts"])

  /// Log streams.
  static let logStream = EntitySchema(
    kind: .logStream, fields: commonFields + [EntityField("url", .string)])

  static let refreshToken = EntitySchema(kind: .refreshToken, fields: commonFields + timestamps)
}
