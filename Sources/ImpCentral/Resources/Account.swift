import Foundation

/// An impCentral account: the caller's own (`me`) or one it collaborates with.
public struct Account: APIResource {
  public static let kind = ResourceKind.account

  public var object: ResourceObject
  public var username: String?
  public var email: String?
  /// The account's tier; enterprise tiers start with `ent`.
  public var tier: String?
  public var createdAt: Date?
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
