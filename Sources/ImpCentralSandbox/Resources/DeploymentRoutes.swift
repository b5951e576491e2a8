import ImpCentral

/// `/deployments`: create, list, show, update and delete code builds.
enum DeploymentRoutes {
  /// The endpoints this file serves.
  static let routes: [Route] = [
    .auth(.get, "/deployments", list),
    .auth(.post, "/deployments", create),
    .auth(.get, "/deployments/*", show),
    .auth(.patch, "/deployments/*", update),
    .auth(.delete, "/deployments/*", delete),
  ]

  /// Lists the caller's deployments one page at a time, filtered.
  static func list(_ ctx: RequestContext) throws -> Reply {
    let query = try ListQuery(
      ctx.request,
      allowed: [
        "owner.id": .id, "creator.id": .id, "product.id": .id, "devicegroup.id": .id,
        "sha": .id, "flagged": .flagged, "flagger.id": .id, "tags": .tags,
      ])
    var select = Select(
      columns: Deployment.columns, from: Deployment.source, owner: ctx.caller.id, alias: "p")
    for (filter, column) in [
      ("owner.id", "owner_id"), ("creator.id", "creator_id"), ("product.id", "product_id"),
      ("devicegroup.id", "devicegroup_id"), ("sha", "sha"), ("flagger.id", "flagger_id"),
    ] {
      select.filter(query, filter, "p.\(column) = ?")
    }
    if let flagged = query.filters["flagged"], flagged != "any" {
      select.add("p.flagged = ?", [.bool(flagged == "true")])
    }
    for tag in query.filters["tags"]?.split(separator: ",") ?? [] {
      select.add("instr(',' || p.tags || ',', ?) > 0", [.text(",\(tag),")])
    }
    let rows = try select.run(ctx.db, query) { render(Deployment($0), ctx.base) }
    return CollectionReply.make(rows, query: query, request: ctx.request, base: ctx.base)
  }

  /// Creates a deployment from a JSON:API document.
  static func create(_ ctx: RequestContext) throws -> Reply {
    let input = try ResourceInput(
      ctx.request,
      .init(
        types: ["deployment"],
        attributes: ["device_code", "agent_code", "description", "origin", "flagged", "tags"],
        required: ["device_code", "agent_code"], relationships: ["devicegroup"]))
    let group = try groupOf(input, ctx)
    let reader = AttributeReader(input)
    let deviceCode = try reader.string("device_code", length: 0...4_000_000) ?? ""
    let agentCode = try reader.string("agent_code", length: 0...4_000_000) ?? ""
    let description = try reader.text("description", .description, length: 0...1000) ?? ""
    let origin = try reader.text("origin", .name, length: 0...255)
    let flagged = try reader.bool("flagged") ?? false
    let tags = try reader.strings("tags") ?? []
    try Tags.check(tags)
    let errors = SquirrelCode.compilationErrors(deviceCode: deviceCode, agentCode: agentCode)
    guard errors.isEmpty else { throw APIError.invalidCompilation(errors) }
    let deployment = try DeploymentWriter.insert(
      .init(
        group: group, creator: ctx.caller.id, deviceCode: deviceCode, agentCode: agentCode,
        description: description, origin: origin, flagged: flagged, tags: tags), ctx.tx)
    return .created(render(deployment, ctx.base))
  }

  private static func groupOf(_ input: ResourceInput, _ ctx: RequestContext) throws -> DeviceGroup {
    guard let ref = input.relationships["devicegroup"] else {
      throw APIError.missingRelationship("devicegroup")
    }
    let group = try DeviceGroupRoutes.find(ref.id, ctx)
    guard ref.type == group.type.apiType else {
      throw APIError.invalidRelationship(
        "devicegroup", "has type '\(ref.type)' but '\(ref.id)' is a \(group.type.apiType)")
    }
    return group
  }

  /// Shows one deployment.
  static func show(_ ctx: RequestContext) throws -> Reply {
    .ok(render(try find(ctx.parameter(0), ctx), ctx.base))
  }

  /// Updates the attributes a request gives.
  static func update(_ ctx: RequestContext) throws -> Reply {
    var deployment = try find(ctx.parameter(0), ctx)
    let input = try ResourceInput(
      ctx.request,
      .init(
        types: ["deployment"], attributes: ["description", "flagged", "tags"], allowsID: true))
    if let given = input.id, given != deployment.id { throw APIError.idMismatch(given) }
    let reader = AttributeReader(input)
    deployment.description =
      try reader.text("description", .description, length: 0...1000)
      ?? deployment.description
    if let flagged = try reader.bool("flagged") {
      if flagged { deployment.flaggerID = ctx.caller.id }
      deployment.flagged = flagged
    }
    if let tags = try reader.strings("tags") {
      try Tags.check(tags)
      deployment.tags = tags.joined(separator: ",")
    }
    try ctx.db.execute(
      """
      UPDATE deployments SET description = ?, flagged = ?, flagger_id = ?, tags = ?,
        updated_at = ?
      WHERE id = ?
      """,
      [
        .text(deployment.description), .bool(deployment.flagged), .text(deployment.flaggerID),
        .text(deployment.tags), .text(ctx.tx.timestamp), .text(deployment.id),
      ])
    return .ok(render(try find(deployment.id, ctx), ctx.base))
  }

  /// Deletes an unflagged deployment older than its group's min-supported one, or a zombie.
  static func delete(_ ctx: RequestContext) throws -> Reply {
    let deployment = try find(ctx.parameter(0), ctx)
    guard !deployment.flagged else { throw APIError.resourceFlagged() }
    if let groupID = deployment.groupID, let group = try ctx.db.deviceGroup(id: groupID),
      let minimumID = group.minSupportedDeploymentID,
      let minimum = try ctx.db.deployment(id: minimumID), deployment.seq >= minimum.seq
    {
      throw APIError.minSupportedProtected()
    }
    try ctx.db.execute("DELETE FROM deployments WHERE id = ?", [.text(deployment.id)])
    return .noContent
  }

  /// The caller's deployment `id`, or a 404.
  static func find(_ id: String, _ ctx: RequestContext) throws -> Deployment {
    guard let deployment = try ctx.db.deployment(id: id, ownerID: ctx.caller.id) else {
      throw APIError.notFound("deployment", id)
    }
    return deployment
  }

  /// The resource object of one deployment.
  static func render(_ deployment: Deployment, _ base: String) -> JSONFragment {
    Render.resource(
      type: "deployment", id: deployment.id, path: "/deployments", base: base,
      attributes: [
        "agent_code": .string(deployment.agentCode), "created_at": .string(deployment.createdAt),
        "description": .string(deployment.description),
        "device_code": .string(deployment.deviceCode), "flagged": .bool(deployment.flagged),
        "origin": Render.text(deployment.origin), "sha": .string(deployment.sha),
        "tags": .array(deployment.tagList.map(JSONValue.string)),
        "updated_at": .string(deployment.updatedAt),
      ],
      relationships: [
        "creator": Render.account(deployment.creatorID),
        "devicegroup": Render.group(deployment.groupID, type: deployment.groupType?.apiType),
        "flagger": Render.account(deployment.flaggerID),
        "owner": Render.account(deployment.ownerID),
        "product": Render.product(deployment.productID),
      ])
  }
}
