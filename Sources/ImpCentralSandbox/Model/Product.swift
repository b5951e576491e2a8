/// A product row.
///
/// Each field mirrors the table column of the same name; `init(_:)` reads a row selected
/// with `columns`.
struct Product {
  var id: String
  var ownerID: String
  var creatorID: String
  var name: String
  var description: String
  var createdAt: String
  var updatedAt: String

  static let columns = "id, owner_id, creator_id, name, description, created_at, updated_at"

  init(_ row: Row) {
    id = row.text(0)
    ownerID = row.text(1)
    creatorID = row.text(2)
    name = row.text(3)
    description = row.text(4)
    createdAt = row.text(5)
    updatedAt = row.text(6)
  }
}

extension Database {
  /// The product `id` if `ownerID` owns it.
  func product(id: String, ownerID: String) throws -> Product? {
    try first(
      "SELECT \(Product.columns) FROM products WHERE id = ? AND owner_id = ?",
      [.text(id), .text(ownerID)], Product.init)
  }
}
