import Foundation

/// An impCentral account: the caller's own (`me`) or one it collaborates with.
public struct Account: APIResource {
  public static let kind = ResourceKind.account

  /// The resource as the service sent it.
  public var object: ResourceObject
  /// The account's user name.
  public var username: String?
  /// The account's email address.
  public var email: String?
  /// The account's tier; enterprise tiers start with `ent`.
  public var tier: String?
  /// When the resource was created.
  public var createdAt: Date?
  /// When the resource last changed.
  public var updatedAt: Date?

  public init(_ object: ResourceObject) throws {
    let reader = try FieldReader(object, as: Self.kind)
    self.object = object
    username = try reader.string("username")
    email = try reader.string("email")
    tier = try reader.string("tier")
    createdAt = try reader.date("created_at")
    updatedAt = try reader.date("updated_at")
  }
}
