import ImpCentral

/// A device-group row.
///
/// Each field mirrors the table column of the same name; `init(_:)` reads a row selected
/// with `columns`.
struct DeviceGroup {
  var id: String
  var productID: String
  var ownerID: String
  var creatorID: String
  var type: DeviceGroupType
  var name: String
  var description: String
  var region: String?
  /// The environment variables as stored JSON text, or nil when never set.
  var envVars: String?
  var loadCodeAfterBlessing: Bool?
  var productionTargetID: String?
  var dutTargetID: String?
  var currentDeploymentID: String?
  var minSupportedDeploymentID: String?
  var createdAt: String
  var updatedAt: String

  static let columns = """
    id, product_id, owner_id, creator_id, type, name, description, region, env_vars,
    load_code_after_blessing, production_target_id, dut_target_id, current_deployment_id,
    min_supported_deployment_id, created_at, updated_at
    """

  init(_ row: Row) {
    id = row.text(0)
    productID = row.text(1)
    ownerID = row.text(2)
    creatorID = row.text(3)
    type = DeviceGroupType(apiType: row.text(4)) ?? .development
    name = row.text(5)
    description = row.text(6)
    region = row.optionalText(7)
    envVars = row.optionalText(8)
    loadCodeAfterBlessing = row.optionalBool(9)
    productionTargetID = row.optionalText(10)
    dutTargetID = row.optionalText(11)
    currentDeploymentID = row.optionalText(12)
    minSupportedDeploymentID = row.optionalText(13)
    createdAt = row.text(14)
    updatedAt = row.text(15)
  }

  /// The reference other resources use for this group.
  var ref: ResourceRef { ResourceRef(type: type.apiType, id: id) }

  /// Whether devices here are blessed production devices (production or pre-production).
  var isProductionFamily: Bool { type.isProductionFamily }

  /// Whether devices here arrive only through the factory process.
  var isFactoryFed: Bool { type.isProductionFamily || type == .dut || type == .preDUT }
}

extension Database {
  /// The device group `id` if `ownerID` owns it.
  func deviceGroup(id: String, ownerID: String) throws -> DeviceGroup? {
    try first(
      "SELECT \(DeviceGroup.columns) FROM devicegroups WHERE id = ? AND owner_id = ?",
      [.text(id), .text(ownerID)], DeviceGroup.init)
  }

  /// The device group `id`, whoever owns it.
  func deviceGroup(id: String) throws -> DeviceGroup? {
    try first(
      "SELECT \(DeviceGroup.columns) FROM devicegroups WHERE id = ?", [.text(id)],
      DeviceGroup.init)
  }
}
