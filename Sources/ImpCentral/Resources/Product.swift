import Foundation

/// A product: a named collection of device groups owned by one account.
public struct Product: APIResource {
  public static let kind = ResourceKind.product

  /// The resource as the service sent it.
  public var object: ResourceObject
  /// The name, unique among the owner's products.
  public var name: String
  /// The free-text description.
  public var description: String?
  /// When the resource was created.
  public var createdAt: Date?
  /// When the resource last changed.
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
