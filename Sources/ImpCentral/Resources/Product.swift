import Foundation

/// A product: a named collection of device groups owned by one account.
public struct Product: APIResource {
  public static let kind = ResourceKind.product

  public var object: ResourceObject
  /// The name, unique among the owner's products.
  public var name: String
  public var description: String?
  public var createdAt: Date?
  public var updatedAt: Date?
  /// The account that owns the product.
  public var owner: ResourceRef?
  /// The account that created the product.
  public var creator: ResourceRef?

  public init(_ object: ResourceObject) throws {
    let reader = try FieldReader(object, as: Self.kind)
    self.object = object
    name = try reader.requiredString("name")
    description = try reader.string("description")
    createdAt = try reader.date("created_at")
    updatedAt = try reader.date("updated_at")
    owner = reader.relationship("owner")
    creator = reader.relationship("creator")
  }
}
