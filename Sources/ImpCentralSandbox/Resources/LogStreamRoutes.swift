import ImpCentral

/// `/logstream`: create a stream, add and remove its devices. Reading a stream goes
/// through `Sandbox.openEvents`.
enum LogStreamRoutes {
  /// The endpoints this file serves.
  static let routes: [Route] = [
    .auth(.post, "/logstream", create),
    .open(.get, "/logstream/*", { _, _ in throw APIError.eventStreamRequired() }),
    .auth(.put, "/logstream/*/*", addDevice),
    .auth(.delete, "/logstream/*/*", removeDevice),
  ]

  /// The `format` query parameter: `text` (the default) or `json`.
  static func format(_ request: APIRequest) throws -> LogStreamFormat {
    guard let value = request.queryValue("format") else { return .text }
    guard let format = LogStreamFormat(rawValue: value) else {
      throw APIError.invalidParameter(
        "The value '\(value)' is not valid for 'format'; expected text or json.")
    }
    return format
  }

  /// Creates a stream; when the account is at its limit, the oldest stream closes.
  static func create(_ ctx: RequestContext) throws -> Reply {
    _ = try format(ctx.request)
    let open = try ctx.db.query(
      "SELECT id FROM log_streams WHERE account_id = ? AND closed = 0 ORDER BY seq",
      [.text(ctx.caller.id)]
    ) { $0.text(0) }
    for old in open.prefix(max(0, open.count - ctx.tx.configuration.streamsPerAccount + 1)) {
      try ctx.db.execute("UPDATE log_streams SET closed = 1 WHERE id = ?", [.text(old)])
      ctx.tx.emit(.closeStream(id: old))
    }
    let id = ctx.tx.uuid()
    try ctx.db.execute(
      "INSERT INTO log_streams (id, account_id, created_at) VALUES (?, ?, ?)",
      [.text(id), .text(ctx.caller.id), .text(ctx.tx.timestamp)])
    let url = ctx.base + "/logstream/" + id
    let stream = Render.resource(
      type: "logstream", id: id, path: "/logstream", base: ctx.base,
      attributes: ["created_at": .string(ctx.tx.timestamp), "url": .string(url)],
      relationships: ["owner": Render.account(ctx.caller.id)])
    return Reply(status: 200, fragment: Reply.document(stream))
  }

  /// Adds a device to the stream; past the limit the device added first is dropped.
  static func addDevice(_ ctx: RequestContext) throws -> Reply {
    let stream = try openStream(ctx.parameter(0), ctx)
    let device = try DeviceRoutes.find(ctx.parameter(1), ctx)
    let key: [SQLValue] = [.text(stream), .text(device.id)]
    if try ctx.db.exists(
      "SELECT 1 FROM log_stream_devices WHERE stream_id = ? AND device_id = ?", key)
    {
      return .noContent
    }
    let followed = try ctx.db.query(
      "SELECT device_id FROM log_stream_devices WHERE stream_id = ? ORDER BY added_seq",
      [.text(stream)]
    ) { $0.text(0) }
    for dropped in followed.prefix(
      max(0, followed.count - ctx.tx.configuration.devicesPerStream + 1))
    {
      try unsubscribe(stream, dropped, ctx.tx)
    }
    try ctx.db.execute(
      """
      INSERT INTO log_stream_devices (stream_id, device_id, added_seq)
      VALUES (?1, ?2, (SELECT coalesce(max(added_seq), 0) + 1 FROM log_stream_devices
        WHERE stream_id = ?1))
      """, key)
    ctx.tx.emit(.stream(id: stream, .state(.subscribed, deviceID: device.id)))
    return .noContent
  }

  /// Removes a device from the stream.
  static func removeDevice(_ ctx: RequestContext) throws -> Reply {
    let stream = try openStream(ctx.parameter(0), ctx)
    let device = try DeviceRoutes.find(ctx.parameter(1), ctx)
    guard
      try ctx.db.exists(
        "SELECT 1 FROM log_stream_devices WHERE stream_id = ? AND device_id = ?",
        [.text(stream), .text(device.id)])
    else {
      throw APIError(
        status: 404, code: "NF005", title: "Device Not In Log Stream",
        detail: "Device '\(ctx.parameter(1))' is not part of log stream '\(stream)'.")
    }
    try unsubscribe(stream, device.id, ctx.tx)
    return .noContent
  }

  private static func unsubscribe(_ stream: String, _ device: String, _ tx: Transaction) throws {
    try tx.db.execute(
      "DELETE FROM log_stream_devices WHERE stream_id = ? AND device_id = ?",
      [.text(stream), .text(device)])
    tx.emit(.stream(id: stream, .state(.unsubscribed, deviceID: device)))
  }

  private static func openStream(_ id: String, _ ctx: RequestContext) throws -> String {
    guard
      try ctx.db.exists(
        "SELECT 1 FROM log_streams WHERE id = ? AND account_id = ? AND closed = 0",
        [.text(id), .text(ctx.caller.id)])
    else { throw APIError.notFound("logstream", id) }
    return id
  }
}
