/// Makes new devices, as enrollment would: unique id and MAC, radio and memory figures.
enum DeviceMaker {
  /// The imp types the simulation can make.
  static let impTypes = ["imp001", "imp002", "imp003", "imp004m", "imp005", "imp006", "imp007"]

  /// The firmware version new devices report.
  static let swversion = "sandbox-1 - release-45.8 - Thu Jan 1 00:00:00 2026 - production"

  /// What a new device looks like.
  struct Spec {
    var owner: String
    var name: String?
    var impType: String
    var online: Bool
  }

  /// Inserts one new unassigned device without an agent and returns its id.
  static func make(_ spec: Spec, _ tx: Transaction) throws -> String {
    var bytes = tx.bytes(24)
    var id = Hex.string(bytes[0..<8])
    var mac = IdentifierFormat.mac(Array(bytes[8..<11]))
    while try tx.db.exists(
      "SELECT 1 FROM devices WHERE id = ? OR mac_address = ?", [.text(id), .text(mac)])
    {
      bytes = tx.bytes(24)
      id = Hex.string(bytes[0..<8])
      mac = IdentifierFormat.mac(Array(bytes[8..<11]))
    }
    let address = "192.0.2.\(Int(bytes[11]) % 254 + 1)"
    try tx.db.execute(
      """
      INSERT INTO devices (id, owner_id, name, mac_address, device_online,
        device_state_changed_at, agent_running, last_enrolled_at, imp_type, ip_address,
        free_memory, rssi, swversion, plan_id, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(id), .text(spec.owner), .text(spec.name), .text(mac), .bool(spec.online),
        .text(tx.timestamp), .text(tx.timestamp), .text(spec.impType),
        .text(spec.online ? address : nil), .int(60_000 + Int(bytes[12]) * 256 + Int(bytes[13])),
        .int(-35 - Int(bytes[14]) % 50), .text(swversion), .text(Hex.string(bytes[16..<24])),
        .text(tx.timestamp), .text(tx.timestamp),
      ])
    return id
  }
}

extension Database {
  /// The device whose id, MAC address or agent id is `key`, in any account.
  func device(anyOwner key: String) throws -> Device? {
    try first(
      """
      SELECT \(Device.columns) FROM \(Device.source)
      WHERE d.id = ?1 OR d.agent_id = ?1 OR d.mac_address = ?2
      """, [.text(key), .text(key.lowercased())], Device.init)
  }

  /// The device with exactly this id.
  func device(id: String) throws -> Device? {
    try first(
      "SELECT \(Device.columns) FROM \(Device.source) WHERE d.id = ?", [.text(id)], Device.init)
  }
}
