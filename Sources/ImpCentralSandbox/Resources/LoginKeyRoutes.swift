import ImpCentral

/// `/accounts/me/login_keys`: keys that exchange for access tokens at `/auth/token`.
enum LoginKeyRoutes {
  /// The endpoints this file serves.
  static let routes: [Route] = [
    .auth(.get, "/accounts/me/login_keys", list),
    .auth(.post, "/accounts/me/login_keys", create),
    .auth(.get, "/accounts/me/login_keys/*", show),
    .auth(.patch, "/accounts/me/login_keys/*", update),
    .auth(.delete, "/accounts/me/login_keys/*", delete),
  ]

  private static let path = "/accounts/me/login_keys"
  private static let columns = "id, description, usages, created_at, updated_at"

  /// Lists the caller's login keys one page at a time.
  static func list(_ ctx: RequestContext) throws -> Reply {
    let query = try ListQuery(ctx.request, allowed: [:])
    let rows = try ctx.db.query(
      """
      SELECT \(columns) FROM login_keys WHERE account_id = ?
      ORDER BY created_at, id LIMIT ? OFFSET ?
      """, [.text(ctx.caller.id), .int(query.fetchLimit), .int(query.offset)]
    ) { render($0, ctx) }
    return CollectionReply.make(rows, query: query, request: ctx.request, base: ctx.base)
  }

  /// Creates a login key from a JSON:API document.
  static func create(_ ctx: RequestContext) throws -> Reply {
    try checkPassword(ctx)
    let input = try ResourceInput(
      ctx.request, .init(types: ["login_key"], attributes: ["description"]))
    let description =
      try AttributeReader(input).text("description", .description, length: 0...255) ?? ""
    let count = try ctx.db.first(
      "SELECT count(*) FROM login_keys WHERE account_id = ?", [.text(ctx.caller.id)]
    ) { $0.int(0) }
    guard (count ?? 0) < ctx.caller.loginKeyLimit else {
      throw APIError.accountLimitReached(ctx.caller.loginKeyLimit)
    }
    let id = ctx.tx.hex(bytes: 8)
    try ctx.db.execute(
      """
      INSERT INTO login_keys (id, account_id, description, usages, created_at, updated_at)
      VALUES (?, ?, ?, 0, ?, ?)
      """,
      [
        .text(id), .text(ctx.caller.id), .text(description), .text(ctx.tx.timestamp),
        .text(ctx.tx.timestamp),
      ])
    return .created(try find(id, ctx))
  }

  /// Shows one login key.
  static func show(_ ctx: RequestContext) throws -> Reply {
    .ok(try find(ctx.parameter(0), ctx))
  }

  /// Updates the attributes a request gives.
  static func update(_ ctx: RequestContext) throws -> Reply {
    try checkPassword(ctx)
    let id = ctx.parameter(0)
    _ = try find(id, ctx)
    let input = try ResourceInput(
      ctx.request, .init(types: ["login_key"], attributes: ["description"], allowsID: true))
    if let given = input.id, given != id { throw APIError.idMismatch(given) }
    if let description = try AttributeReader(input).text(
      "description", .description, length: 0...255)
    {
      try ctx.db.execute(
        "UPDATE login_keys SET description = ?, updated_at = ? WHERE id = ?",
        [.text(description), .text(ctx.tx.timestamp), .text(id)])
    }
    return .ok(try find(id, ctx))
  }

  /// Deletes a login key.
  static func delete(_ ctx: RequestContext) throws -> Reply {
    try checkPassword(ctx)
    let id = ctx.parameter(0)
    try ctx.db.execute(
      "DELETE FROM login_keys WHERE id = ? AND account_id = ?", [.text(id), .text(ctx.caller.id)])
    guard ctx.db.changes == 1 else { throw APIError.notFound("login key", id) }
    return .noContent
  }

  private static func checkPassword(_ ctx: RequestContext) throws {
    guard let password = ctx.request.headers["X-Electricimp-Password"],
      ctx.caller.checkPassword(password)
    else { throw APIError.invalidPassword() }
  }

  private static func find(_ id: String, _ ctx: RequestContext) throws -> JSONFragment {
    let row = try ctx.db.first(
      "SELECT \(columns) FROM login_keys WHERE id = ? AND account_id = ?",
      [.text(id), .text(ctx.caller.id)]
    ) { render($0, ctx) }
    guard let row else { throw APIError.notFound("login key", id) }
    return row
  }

  private static func render(_ row: Row, _ ctx: RequestContext) -> JSONFragment {
    Render.resource(
      type: "login_key", id: row.text(0), path: path, base: ctx.base,
      attributes: [
        "created_at": .string(row.text(3)), "description": .string(row.text(1)),
        "updated_at": .string(row.text(4)), "usages": .number(Double(row.int(2))),
      ],
      relationships: ["owner": Render.account(ctx.caller.id)])
  }
}
