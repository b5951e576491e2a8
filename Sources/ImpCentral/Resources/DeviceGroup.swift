import Foundation

/// A device group: devices of one product that run the same deployment.
///
/// The resource type is the group's concrete type (`production_devicegroup`), read into
/// `groupType`.
public struct DeviceGroup: APIResource {
  public static let kind = ResourceKind.deviceGroup

  /// The resource as the service sent it.
  public var object: ResourceObject
  /// The group's type, read from the resource type.
  public var groupType: DeviceGroupType
  /// The name, unique within the product.
  public var name: String
  /// The free-text description.
  public var description: String?
  /// The region of a production or pre-production group; nil when unset.
  public var region: String?
  /// The user environment variables; values are strings or numbers.
  public var envVars: [String: JSONValue]?
  /// Whether blessed devices load code at once (production and pre-production only).
  public var loadCodeAfterBlessing: Bool?
  /// When the resource was created.
  public var createdAt: Date?
  /// When the resource last changed.
  public var updatedAt: Date?
  /// The product the group belongs to.
  public var product: ResourceRef
  /// The account that owns the group (the product's owner).
  public var owner: ResourceRef?
  /// The account that created the group.
  public var creator: ResourceRef?
  /// A fixture group's production (or pre-production) target.
  public var productionTarget: ResourceRef?
  /// A fixture group's DUT (or pre-DUT) target.
  public var dutTarget: ResourceRef?
  /// The group's newest deployment; nil before the first one.
  public var currentDeployment: ResourceRef?
  /// The oldest deployment devices of the group may keep running.
  public var minSupportedDeployment: ResourceRef?

  public init(_ object: ResourceObject) throws {
    let reader = try FieldReader(object, as: Self.kind)
    guard let groupType = DeviceGroupType(apiType: object.type) else {
      throw ImpCentralError.unexpected(
        "impCentral sent a device group of unknown type '\(object.type)'")
    }
    self.object = object
    self.groupType = groupType
    name = try reader.requiredString("name")
    description = try reader.string("description")
    region = try reader.string("region")
    envVars = try reader.members("env_vars")
    loadCodeAfterBlessing = try reader.bool("load_code_after_blessing")
    createdAt = try reader.date("created_at")
    updatedAt = try reader.date("updated_at")
    product = try reader.requiredRelationship("product")
    owner = reader.relationship("owner")
    creator = reader.relationship("creator")
    productionTarget = reader.relationship("production_target")
    dutTarget = reader.relationship("dut_target")
    currentDeployment = reader.relationship("current_deployment")
    minSupportedDeployment = reader.relationship("min_supported_deployment")
  }
}
