import ImpCentral

/// A device row, with the type and product of its group when it has one.
///
/// Each field mirrors the table column of the same name; `init(_:)` reads a row selected
/// with `columns`.
struct Device {
  var id: String
  var ownerID: String
  var groupID: String?
  var name: String?
  var mac: String
  var agentID: String?
  var online: Bool
  var deviceStateChangedAt: String
  var agentRunning: Bool
  var agentStateChangedAt: String?
  var lastEnrolledAt: String
  var impType: String
  var ipAddress: String?
  var freeMemory: Int
  var rssi: Int
  var swversion: String
  var planID: String
  var blessed: Bool
  /// The deployment the device last loaded.
  var deploymentID: String?
  var createdAt: String
  var updatedAt: String
  var groupType: DeviceGroupType?
  var productID: String?

  /// The columns `init(_:)` reads, for a query over `devices d LEFT JOIN devicegroups g`.
  static let columns = """
    d.id, d.owner_id, d.devicegroup_id, d.name, d.mac_address, d.agent_id, d.device_online,
    d.device_state_changed_at, d.agent_running, d.agent_state_changed_at, d.last_enrolled_at,
    d.imp_type, d.ip_address, d.free_memory, d.rssi, d.swversion, d.plan_id, d.blessed,
    d.deployment_id, d.created_at, d.updated_at, g.type, g.product_id
    """

  /// The FROM clause that goes with `columns`.
  static let source = "devices d LEFT JOIN devicegroups g ON g.id = d.devicegroup_id"

  init(_ row: Row) {
    id = row.text(0)
    ownerID = row.text(1)
    groupID = row.optionalText(2)
    name = row.optionalText(3)
    mac = row.text(4)
    agentID = row.optionalText(5)
    online = row.bool(6)
    deviceStateChangedAt = row.text(7)
    agentRunning = row.bool(8)
    agentStateChangedAt = row.optionalText(9)
    lastEnrolledAt = row.text(10)
    impType = row.text(11)
    ipAddress = row.optionalText(12)
    freeMemory = row.int(13)
    rssi = row.int(14)
    swversion = row.text(15)
    planID = row.text(16)
    blessed = row.bool(17)
    deploymentID = row.optionalText(18)
    createdAt = row.text(19)
    updatedAt = row.text(20)
    groupType = row.optionalText(21).flatMap(DeviceGroupType.init(apiType:))
    productID = row.optionalText(22)
  }

  /// `production` for blessed devices, `development` for the rest, as log lines say.
  var logType: String { blessed ? "production" : "development" }

  /// The URL of the device's agent, when it has one.
  var agentURL: String? { agentID.map { "https://agent.electricimp.com/" + $0 } }
}

extension Database {
  /// The device `owner` holds whose id, MAC address or agent id is `key`.
  func device(_ key: String, ownerID: String) throws -> Device? {
    try first(
      """
      SELECT \(Device.columns) FROM \(Device.source)
      WHERE d.owner_id = ?1 AND (d.id = ?2 OR d.agent_id = ?2 OR d.mac_address = ?3)
      """, [.text(ownerID), .text(key), .text(key.lowercased())], Device.init)
  }

  /// The devices assigned to group `id`, in stable order.
  func devices(inGroup id: String) throws -> [Device] {
    try query(
      """
      SELECT \(Device.columns) FROM \(Device.source)
      WHERE d.devicegroup_id = ? ORDER BY d.created_at, d.id
      """, [.text(id)], Device.init)
  }
}
