import ImpCentral

/// `/accounts`, `/accounts/{id|me}` and `/accounts/me/refresh_tokens`.
enum AccountRoutes {
  /// The endpoints this file serves.
  static let routes: [Route] = [
    .auth(.get, "/accounts", list),
    .auth(.get, "/accounts/*", show),
    .auth(.get, "/accounts/me/refresh_tokens", listRefreshTokens),
    .auth(.delete, "/accounts/me/refresh_tokens/*", deleteRefreshToken),
  ]

  /// Lists the accounts the caller can see: only its own, as the sandbox has no
  /// collaborators.
  static func list(_ ctx: RequestContext) throws -> Reply {
    let query = try ListQuery(ctx.request, allowed: [:])
    let rows = query.offset == 0 ? [render(ctx.caller, ctx.base)] : []
    return CollectionReply.make(rows, query: query, request: ctx.request, base: ctx.base)
  }

  /// Shows the caller's account by id or as `me`.
  static func show(_ ctx: RequestContext) throws -> Reply {
    let id = ctx.parameter(0)
    guard id == "me" || id == ctx.caller.id else { throw APIError.notFound("account", id) }
    return .ok(render(ctx.caller, ctx.base))
  }

  /// The resource object of one account.
  static func render(_ account: Account, _ base: String) -> JSONFragment {
    Render.resource(
      type: "account", id: account.id, path: "/accounts", base: base,
      attributes: [
        "created_at": .string(account.createdAt), "email": .string(account.email),
        "tier": .string(account.tier), "updated_at": .string(account.updatedAt),
        "username": .string(account.username),
      ])
  }

  /// Lists the caller's refresh tokens (not the secrets themselves).
  static func listRefreshTokens(_ ctx: RequestContext) throws -> Reply {
    let query = try ListQuery(ctx.request, allowed: [:])
    let rows = try ctx.db.query(
      """
      SELECT id, created_at, updated_at FROM refresh_tokens WHERE account_id = ?
      ORDER BY created_at, id LIMIT ? OFFSET ?
      """, [.text(ctx.caller.id), .int(query.fetchLimit), .int(query.offset)]
    ) { row in
      Render.resource(
        type: "refresh_token", id: row.text(0), path: "/accounts/me/refresh_tokens",
        base: ctx.base,
        attributes: ["created_at": .string(row.text(1)), "updated_at": .string(row.text(2))],
        relationships: ["owner": Render.account(ctx.caller.id)])
    }
    return CollectionReply.make(rows, query: query, request: ctx.request, base: ctx.base)
  }

  /// Deletes one refresh token; access tokens already issued stay valid.
  static func deleteRefreshToken(_ ctx: RequestContext) throws -> Reply {
    let id = ctx.parameter(0)
    try ctx.db.execute(
      "DELETE FROM refresh_tokens WHERE id = ? AND account_id = ?",
      [.text(id), .text(ctx.caller.id)])
    guard ctx.db.changes == 1 else { throw APIError.notFound("refresh token", id) }
    return .noContent
  }
}
