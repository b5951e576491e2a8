import Foundation

/// A deployment: an immutable build of device and agent code made for one device group.
public struct Deployment: APIResource {
  public static let kind = ResourceKind.deployment

  /// The resource as the service sent it.
  public var object: ResourceObject
  /// The device (Squirrel) code.
  public var deviceCode: String?
  /// The agent (Squirrel) code.
  public var agentCode: String?
  /// The free-text description.
  public var description: String?
  /// A free-form marker of where the code came from, set at creation.
  public var origin: String?
  /// Whether the deployment is protected from deletion.
  public var flagged: Bool
  /// The tags, in the order the service keeps them.
  public var tags: [String]
  /// The SHA-256 of the code; equal code gives an equal sha.
  public var sha: String?
  /// When the resource was created.
  public var createdAt: Date?
  /// When the resource last changed.
  public var updatedAt: Date?
  /// The group the deployment was made for; nil once that group is deleted (a zombie).
  public var deviceGroup: ResourceRef?
  /// The product of the group the deployment was made for.
  public var product: ResourceRef?
  /// The account that owns the deployment.
  public var owner: ResourceRef?
  /// The account that created the deployment.
  public var creator: ResourceRef?
  /// The account that last flagged the deployment.
  public var flagger: ResourceRef?

  public init(_ object: ResourceObject) throws {
    let reader = try FieldReader(object, as: Self.kind)
    self.object = object
    deviceCode = try reader.string("device_code")
    agentCode = try reader.string("agent_code")
    description = try reader.string("description")
    origin = try reader.string("origin")
    flagged = try reader.bool("flagged") ?? false
    tags = try reader.strings("tags") ?? []
    sha = try reader.string("sha")
    createdAt = try reader.date("created_at")
    updatedAt = try reader.date("updated_at")
    deviceGroup = reader.relationship("devicegroup")
    product = reader.relationship("product")
    owner = reader.relationship("owner")
    creator = reader.relationship("creator")
    flagger = reader.relationship("flagger")
  }

  /// Whether the deployment's group has been deleted.
  public var isZombie: Bool { deviceGroup == nil }

  /// The type of the group the deployment belongs to, if it still has one.
  public var deviceGroupType: DeviceGroupType? {
    deviceGroup.flatMap { DeviceGroupType(apiType: $0.type) }
  }
}
