import ImpCentral

/// `/devicegroups`: create, list, show, update and delete device groups.
enum DeviceGroupRoutes {
  /// The endpoints this file serves.
  static let routes: [Route] = [
    .auth(.get, "/devicegroups", list),
    .auth(.post, "/devicegroups", create),
    .auth(.get, "/devicegroups/*", show),
    .auth(.patch, "/devicegroups/*", update),
    .auth(.delete, "/devicegroups/*", delete),
  ]

  private static let allTypes = DeviceGroupType.allCases.map(\.apiType)

  /// Lists the caller's device groups one page at a time, filtered.
  static func list(_ ctx: RequestContext) throws -> Reply {
    let query = try ListQuery(
      ctx.request, allowed: ["owner.id": .id, "product.id": .id, "type": .groupType])
    var select = Select(columns: DeviceGroup.columns, from: "devicegroups", owner: ctx.caller.id)
    select.filter(query, "owner.id", "owner_id = ?")
    select.filter(query, "product.id", "product_id = ?")
    select.filter(query, "type", "type = ?")
    let rows = try select.run(ctx.db, query) { render(DeviceGroup($0), ctx.base) }
    return CollectionReply.make(rows, query: query, request: ctx.request, base: ctx.base)
  }

  private static let createRules = ResourceInput.Rules(
    types: allTypes, attributes: ["name", "description", "region", "env_vars"],
    required: ["name"], relationships: ["product", "production_target", "dut_target"])

  /// Creates a device group from a JSON:API document.
  static func create(_ ctx: RequestContext) throws -> Reply {
    let input = try ResourceInput(ctx.request, createRules)
    let type = DeviceGroupType(apiType: input.type) ?? .development
    try DeviceGroupRules.checkPermission(type, ctx.caller)
    let product = try productOf(input, ctx)
    let reader = AttributeReader(input)
    let draft = Draft(
      type: type, product: product, name: try reader.text("name", .name, length: 1...80) ?? "",
      description: try reader.text("description", .description, length: 0...255) ?? "",
      region: try DeviceGroupRules.region(reader, type),
      envVars: try DeviceGroupRules.envVars(reader) ?? nil,
      targets: try DeviceGroupRules.targets(
        input.relationships, type: type, product: product.id, creating: true, ctx))
    try DeviceGroupRules.checkUnique(draft.name, product: product.id, except: nil, ctx.db)
    return .created(render(try find(try insert(draft, ctx), ctx), ctx.base))
  }

  /// A checked device group about to be inserted.
  private struct Draft {
    var type: DeviceGroupType
    var product: Product
    var name: String
    var description: String
    var region: String?
    var envVars: String?
    var targets: (production: String?, dut: String?)
  }

  private static func insert(_ draft: Draft, _ ctx: RequestContext) throws -> String {
    let id = ctx.tx.uuid()
    try ctx.db.execute(
      """
      INSERT INTO devicegroups (id, product_id, owner_id, creator_id, type, name, description,
        region, env_vars, load_code_after_blessing, production_target_id, dut_target_id,
        created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(id), .text(draft.product.id), .text(draft.product.ownerID), .text(ctx.caller.id),
        .text(draft.type.apiType), .text(draft.name), .text(draft.description),
        .text(draft.region), .text(draft.envVars), draft.type.isProductionFamily ? true : nil,
        .text(draft.targets.production), .text(draft.targets.dut), .text(ctx.tx.timestamp),
        .text(ctx.tx.timestamp),
      ])
    return id
  }

  private static func productOf(_ input: ResourceInput, _ ctx: RequestContext) throws -> Product {
    guard let ref = input.relationships["product"] else {
      throw APIError.missingRelationship("product")
    }
    guard ref.type == "product" else {
      throw APIError.invalidRelationship("product", "must have type 'product'")
    }
    return try ProductRoutes.find(ref.id, ctx)
  }

  /// Shows one device group.
  static func show(_ ctx: RequestContext) throws -> Reply {
    .ok(render(try find(ctx.parameter(0), ctx), ctx.base))
  }

  /// Updates the attributes a request gives.
  static func update(_ ctx: RequestContext) throws -> Reply {
    var group = try find(ctx.parameter(0), ctx)
    let input = try ResourceInput(
      ctx.request,
      .init(
        types: allTypes,
        attributes: ["name", "description", "load_code_after_blessing", "env_vars"],
        relationships: ["production_target", "dut_target"], allowsID: true))
    guard input.type == group.type.apiType else {
      throw APIError.typeMismatch(input.type, actual: group.type.apiType)
    }
    if let given = input.id, given != group.id { throw APIError.idMismatch(given) }
    try apply(input, to: &group, ctx)
    try save(group, ctx)
    return .ok(render(try find(group.id, ctx), ctx.base))
  }

  private static func apply(
    _ input: ResourceInput, to group: inout DeviceGroup, _ ctx: RequestContext
  ) throws {
    let reader = AttributeReader(input)
    if let name = try reader.text("name", .name, length: 1...80) {
      try DeviceGroupRules.checkUnique(name, product: group.productID, except: group.id, ctx.db)
      group.name = name
    }
    group.description =
      try reader.text("description", .description, length: 0...255) ?? group.description
    group.loadCodeAfterBlessing =
      try DeviceGroupRules.loadCode(reader, group.type) ?? group.loadCodeAfterBlessing
    if let envVars = try DeviceGroupRules.envVars(reader) { group.envVars = envVars }
    let targets = try DeviceGroupRules.targets(
      input.relationships, type: group.type, product: group.productID, creating: false, ctx)
    group.productionTargetID = targets.production ?? group.productionTargetID
    group.dutTargetID = targets.dut ?? group.dutTargetID
  }

  private static func save(_ group: DeviceGroup, _ ctx: RequestContext) throws {
    try ctx.db.execute(
      """
      UPDATE devicegroups SET name = ?, description = ?, env_vars = ?,
        load_code_after_blessing = ?, production_target_id = ?, dut_target_id = ?,
        updated_at = ?
      WHERE id = ?
      """,
      [
        .text(group.name), .text(group.description), .text(group.envVars),
        .bool(group.loadCodeAfterBlessing), .text(group.productionTargetID),
        .text(group.dutTargetID), .text(ctx.tx.timestamp), .text(group.id),
      ])
  }

  /// Deletes an empty, unflagged group that no fixture targets; its deployments become
  /// zombies and its webhooks go with it.
  static func delete(_ ctx: RequestContext) throws -> Reply {
    let group = try find(ctx.parameter(0), ctx)
    let id: [SQLValue] = [.text(group.id)]
    if try ctx.db.exists("SELECT 1 FROM devices WHERE devicegroup_id = ?", id) {
      throw APIError.devicesAssigned()
    }
    if try ctx.db.exists(
      "SELECT 1 FROM deployments WHERE devicegroup_id = ? AND flagged = 1", id)
    {
      throw APIError.flaggedDeploymentsExist()
    }
    if try ctx.db.exists(
      "SELECT 1 FROM devicegroups WHERE production_target_id = ?1 OR dut_target_id = ?1", id)
    {
      throw APIError.targetInUse()
    }
    try ctx.db.execute("UPDATE deployments SET devicegroup_id = NULL WHERE devicegroup_id = ?", id)
    try ctx.db.execute("DELETE FROM webhooks WHERE devicegroup_id = ?", id)
    try ctx.db.execute("DELETE FROM devicegroups WHERE id = ?", id)
    return .noContent
  }

  /// The caller's device group `id`, or a 404.
  static func find(_ id: String, _ ctx: RequestContext) throws -> DeviceGroup {
    guard let group = try ctx.db.deviceGroup(id: id, ownerID: ctx.caller.id) else {
      throw APIError.notFound("devicegroup", id)
    }
    return group
  }

  /// The resource object of one device group.
  static func render(_ group: DeviceGroup, _ base: String) -> JSONFragment {
    var production: [(String, JSONValue)] = []
    if group.isProductionFamily {
      production = [
        ("load_code_after_blessing", .bool(group.loadCodeAfterBlessing ?? true)),
        ("region", Render.text(group.region)),
      ]
    }
    let targetType = { (type: DeviceGroupType?) in type?.apiType }
    return Render.resource(
      type: group.type.apiType, id: group.id, path: "/devicegroups", base: base,
      attributes: [
        "created_at": .string(group.createdAt), "description": .string(group.description),
        "env_vars": group.envVars.flatMap { try? JSONValue.parse($0) } ?? .null,
        "name": .string(group.name), "updated_at": .string(group.updatedAt),
      ],
      more: production,
      relationships: [
        "creator": Render.account(group.creatorID),
        "current_deployment": Render.deployment(group.currentDeploymentID),
        "dut_target": Render.group(group.dutTargetID, type: targetType(group.type.dutTargetType)),
        "min_supported_deployment": Render.deployment(group.minSupportedDeploymentID),
        "owner": Render.account(group.ownerID), "product": Render.product(group.productID),
        "production_target": Render.group(
          group.productionTargetID, type: targetType(group.type.productionTargetType)),
      ])
  }
}
