import ImpCentral

/// `/products`: create, list, show, update and delete products.
enum ProductRoutes {
  /// The endpoints this file serves.
  static let routes: [Route] = [
    .auth(.get, "/products", list),
    .auth(.post, "/products", create),
    .auth(.get, "/products/*", show),
    .auth(.patch, "/products/*", update),
    .auth(.delete, "/products/*", delete),
  ]

  private static let duplicateName = "Products must have unique names."

  /// Lists the caller's products one page at a time, filtered.
  static func list(_ ctx: RequestContext) throws -> Reply {
    let query = try ListQuery(ctx.request, allowed: ["owner.id": .id])
    var select = Select(columns: Product.columns, from: "products", owner: ctx.caller.id)
    select.filter(query, "owner.id", "owner_id = ?")
    let rows = try select.run(ctx.db, query) { render(Product($0), ctx.base) }
    return CollectionReply.make(rows, query: query, request: ctx.request, base: ctx.base)
  }

  /// Creates a product from a JSON:API document.
  static func create(_ ctx: RequestContext) throws -> Reply {
    let input = try ResourceInput(
      ctx.request,
      .init(
        types: ["product"], attributes: ["name", "description"], required: ["name"],
        relationships: ["owner"]))
    try checkOwner(input.relationships["owner"], ctx)
    let reader = AttributeReader(input)
    let name = try reader.text("name", .name, length: 1...80) ?? ""
    let description = try reader.text("description", .description, length: 0...255) ?? ""
    try checkUnique(name, except: nil, ctx)
    let id = ctx.tx.uuid()
    try ctx.db.execute(
      """
      INSERT INTO products (id, owner_id, creator_id, name, description, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(id), .text(ctx.caller.id), .text(ctx.caller.id), .text(name), .text(description),
        .text(ctx.tx.timestamp), .text(ctx.tx.timestamp),
      ])
    return .created(render(try find(id, ctx), ctx.base))
  }

  /// Shows one product.
  static func show(_ ctx: RequestContext) throws -> Reply {
    .ok(render(try find(ctx.parameter(0), ctx), ctx.base))
  }

  /// Updates the attributes a request gives.
  static func update(_ ctx: RequestContext) throws -> Reply {
    var product = try find(ctx.parameter(0), ctx)
    let input = try ResourceInput(
      ctx.request, .init(types: ["product"], attributes: ["name", "description"], allowsID: true))
    if let given = input.id, given != product.id { throw APIError.idMismatch(given) }
    let reader = AttributeReader(input)
    if let name = try reader.text("name", .name, length: 1...80) {
      try checkUnique(name, except: product.id, ctx)
      product.name = name
    }
    product.description =
      try reader.text("description", .description, length: 0...255) ?? product.description
    try ctx.db.execute(
      "UPDATE products SET name = ?, description = ?, updated_at = ? WHERE id = ?",
      [.text(product.name), .text(product.description), .text(ctx.tx.timestamp), .text(product.id)]
    )
    return .ok(render(try find(product.id, ctx), ctx.base))
  }

  /// Deletes a product.
  static func delete(_ ctx: RequestContext) throws -> Reply {
    let product = try find(ctx.parameter(0), ctx)
    guard try !ctx.db.exists("SELECT 1 FROM devicegroups WHERE product_id = ?", [.text(product.id)])
    else { throw APIError.dependentDevicegroups() }
    try ctx.db.execute("DELETE FROM products WHERE id = ?", [.text(product.id)])
    return .noContent
  }

  /// The caller's product `id`, or a 404.
  static func find(_ id: String, _ ctx: RequestContext) throws -> Product {
    guard let product = try ctx.db.product(id: id, ownerID: ctx.caller.id) else {
      throw APIError.notFound("product", id)
    }
    return product
  }

  private static func checkOwner(_ owner: ResourceRef?, _ ctx: RequestContext) throws {
    guard let owner else { return }
    guard owner.type == "account" else {
      throw APIError.invalidRelationship("owner", "must have type 'account'")
    }
    guard owner.id == ctx.caller.id else {
      guard try ctx.db.account(id: owner.id) != nil else {
        throw APIError.notFound("account", owner.id)
      }
      throw APIError.foreignOwner()
    }
  }

  private static func checkUnique(_ name: String, except id: String?, _ ctx: RequestContext) throws
  {
    let taken = try ctx.db.exists(
      "SELECT 1 FROM products WHERE owner_id = ? AND name = ? AND id IS NOT ?",
      [.text(ctx.caller.id), .text(name), .text(id)])
    if taken { throw APIError.duplicate(duplicateName) }
  }

  /// The resource object of one product.
  static func render(_ product: Product, _ base: String) -> JSONFragment {
    Render.resource(
      type: "product", id: product.id, path: "/products", base: base,
      attributes: [
        "created_at": .string(product.createdAt), "description": .string(product.description),
        "name": .string(product.name), "updated_at": .string(product.updatedAt),
      ],
      relationships: [
        "creator": Render.account(product.creatorID), "owner": Render.account(product.ownerID),
      ])
  }
}
