import Foundation

/// A login key: a long-lived credential of the account, exchanged for access tokens.
///
/// The id is the key itself, so treat it as a secret when showing it.
public struct LoginKey: APIResource {
  public static let kind = ResourceKind.loginKey

  /// The resource as the service sent it.
  public var object: ResourceObject
  /// The free-text description.
  public var description: String?
  /// How many times the key has been exchanged for an access token.
  public var usages: Int
  /// When the resource was created.
  public var createdAt: Date?
  /// When the resource last changed.
  public var updatedAt: Date?

  public init(_ object: ResourceObject) throws {
    let reader = try FieldReader(object, as: Self.kind)
    self.object = object
    description = try reader.string("description")
    usages = try reader.int("usages") ?? 0
    createdAt = try reader.date("created_at")
    updatedAt = try reader.date("updated_at")
  }
}
