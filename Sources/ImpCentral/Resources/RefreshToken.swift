import Foundation

/// One of the account's active refresh tokens, minted by each password login.
///
/// The service documents no attributes beyond timestamps; any others stay in `object`.
public struct RefreshToken: APIResource {
  public static let kind = ResourceKind.refreshToken

  /// The resource as the service sent it.
  public var object: ResourceObject
  /// When the resource was created.
  public var createdAt: Date?
  /// When the resource last changed.
  public var updatedAt: Date?

  public init(_ object: ResourceObject) throws {
    let reader = try FieldReader(object, as: Self.kind)
    self.object = object
    createdAt = try reader.date("created_at")
    updatedAt = try reader.date("updated_at")
  }
}
