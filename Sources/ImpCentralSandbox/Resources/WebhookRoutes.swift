import Foundation
import ImpCentral

/// `/webhooks`: URLs the sandbox calls on blessing, BlinkUp and deployment events.
enum WebhookRoutes {
  /// The endpoints this file serves.
  static let routes: [Route] = [
    .auth(.get, "/webhooks", list),
    .auth(.post, "/webhooks", create),
    .auth(.get, "/webhooks/*", show),
    .auth(.patch, "/webhooks/*", update),
    .auth(.delete, "/webhooks/*", delete),
  ]

  static let events = ["blessing", "blinkup", "deployment"]
  static let contentTypes = ["application/json", WebhookFiring.formContentType]
  private static let columns = """
    w.id, w.devicegroup_id, w.owner_id, w.creator_id, w.url, w.event, w.content_type,
    w.created_at, w.updated_at, g.type
    """
  private static let source = "webhooks w JOIN devicegroups g ON g.id = w.devicegroup_id"

  /// Lists the caller's webhooks one page at a time, filtered.
  static func list(_ ctx: RequestContext) throws -> Reply {
    let query = try ListQuery(ctx.request, allowed: ["devicegroup.id": .id])
    var select = Select(columns: columns, from: source, owner: ctx.caller.id, alias: "w")
    select.filter(query, "devicegroup.id", "w.devicegroup_id = ?")
    let rows = try select.run(ctx.db, query) { render($0, ctx.base) }
    return CollectionReply.make(rows, query: query, request: ctx.request, base: ctx.base)
  }

  /// Creates a webhook from a JSON:API document.
  static func create(_ ctx: RequestContext) throws -> Reply {
    let input = try ResourceInput(
      ctx.request,
      .init(
        types: ["webhook"], attributes: ["url", "event", "content_type"],
        required: ["url", "event", "content_type"], relationships: ["devicegroup"]))
    guard let ref = input.relationships["devicegroup"] else {
      throw APIError.missingRelationship("devicegroup")
    }
    let group = try DeviceGroupRoutes.find(ref.id, ctx)
    let reader = AttributeReader(input)
    let url = try checkedURL(reader)
    let event = try reader.choice("event", events) ?? ""
    let contentType = try reader.choice("content_type", contentTypes) ?? ""
    if event != "deployment" && !group.isProductionFamily {
      throw APIError.invalidAttribute(
        "event", "'\(event)' is accepted only on production and pre-production devicegroups")
    }
    let id = ctx.tx.uuid()
    try ctx.db.execute(
      """
      INSERT INTO webhooks (id, devicegroup_id, owner_id, creator_id, url, event, content_type,
        created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(id), .text(group.id), .text(group.ownerID), .text(ctx.caller.id), .text(url ?? ""),
        .text(event), .text(contentType), .text(ctx.tx.timestamp), .text(ctx.tx.timestamp),
      ])
    return .created(try find(id, ctx))
  }

  /// Shows one webhook.
  static func show(_ ctx: RequestContext) throws -> Reply {
    .ok(try find(ctx.parameter(0), ctx))
  }

  /// Updates the attributes a request gives.
  static func update(_ ctx: RequestContext) throws -> Reply {
    let id = ctx.parameter(0)
    _ = try find(id, ctx)
    let input = try ResourceInput(
      ctx.request, .init(types: ["webhook"], attributes: ["url", "content_type"], allowsID: true))
    if let given = input.id, given != id { throw APIError.idMismatch(given) }
    let reader = AttributeReader(input)
    let url = try checkedURL(reader)
    let contentType = try reader.choice("content_type", contentTypes)
    try ctx.db.execute(
      """
      UPDATE webhooks SET url = coalesce(?, url), content_type = coalesce(?, content_type),
        updated_at = ?
      WHERE id = ?
      """, [.text(url), .text(contentType), .text(ctx.tx.timestamp), .text(id)])
    return .ok(try find(id, ctx))
  }

  /// Deletes a webhook.
  static func delete(_ ctx: RequestContext) throws -> Reply {
    let id = ctx.parameter(0)
    try ctx.db.execute(
      "DELETE FROM webhooks WHERE id = ? AND owner_id = ?", [.text(id), .text(ctx.caller.id)])
    guard ctx.db.changes == 1 else { throw APIError.notFound("webhook", id) }
    return .noContent
  }

  /// The `url` attribute if given: an absolute http or https URL with a host.
  private static func checkedURL(_ reader: AttributeReader) throws -> String? {
    guard let text = try reader.string("url", length: 0...2000) else { return nil }
    guard let components = URLComponents(string: text),
      let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
      let host = components.host, !host.isEmpty
    else { throw APIError.invalidURL() }
    return text
  }

  private static func find(_ id: String, _ ctx: RequestContext) throws -> JSONFragment {
    let webhook = try ctx.db.first(
      "SELECT \(columns) FROM \(source) WHERE w.id = ? AND w.owner_id = ?",
      [.text(id), .text(ctx.caller.id)]
    ) { render($0, ctx.base) }
    guard let webhook else { throw APIError.notFound("webhook", id) }
    return webhook
  }

  private static func render(_ row: Row, _ base: String) -> JSONFragment {
    Render.resource(
      type: "webhook", id: row.text(0), path: "/webhooks", base: base,
      attributes: [
        "content_type": .string(row.text(6)), "created_at": .string(row.text(7)),
        "event": .string(row.text(5)), "updated_at": .string(row.text(8)),
        "url": .string(row.text(4)),
      ],
      relationships: [
        "creator": Render.account(row.text(3)),
        "devicegroup": Render.group(row.text(1), type: row.text(9)),
        "owner": Render.account(row.text(2)),
      ])
  }
}
