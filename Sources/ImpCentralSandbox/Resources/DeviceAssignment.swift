import ImpCentral

/// Moving devices into and out of device groups, and the rules that govern it.
enum DeviceAssignment {
  /// The device keys (id, MAC or agent id) of a `{data: [{type: "device", id}]}` body.
  static func keys(_ request: APIRequest) throws -> [String] {
    guard let items = try request.json()["data"]?.arrayValue else {
      throw APIError.invalidDocument(
        "The request body must be an object whose 'data' is an array of devices.")
    }
    return try items.map { item in
      guard item["type"]?.stringValue == "device", let id = item["id"]?.stringValue,
        !id.isEmpty
      else {
        throw APIError.invalidDocument(
          "Every member of 'data' must be an object with type 'device' and a string id.")
      }
      return id
    }
  }

  /// Why `device` may not join `group` by manual assignment, or nil when it may.
  static func refusal(_ device: Device, joining group: DeviceGroup) -> String? {
    if device.groupID == group.id { return nil }
    if group.type == .dut || group.type == .preDUT {
      return "Devices join DUT devicegroups only through a factory fixture."
    }
    if group.isProductionFamily {
      let sameFamily =
        device.blessed && device.groupType == group.type && device.productID == group.productID
      return sameFamily
        ? nil
        : "Devices join production devicegroups only by blessing; a blessed device can move "
          + "only between production devicegroups of the same type and product."
    }
    if device.groupType?.isProductionFamily == true {
      return "A blessed device leaves its production devicegroup only by unassignment with "
        + "the unbond key."
    }
    if group.type.isFixture && device.impType == "imp001" {
      return "Factory fixture devicegroups do not accept imp001 devices."
    }
    return nil
  }

  /// Puts `device` into `group`: it gets an agent and runs the group's code when the group
  /// has a deployment, and loses both when it has none.
  static func assign(_ device: Device, to group: DeviceGroup, _ tx: Transaction) throws {
    guard device.groupID != group.id else { return }
    var device = device
    try tx.db.execute(
      "UPDATE devices SET devicegroup_id = ?, updated_at = ? WHERE id = ?",
      [.text(group.id), .text(tx.timestamp), .text(device.id)])
    device.groupID = group.id
    device.groupType = group.type
    device.productID = group.productID
    guard let deployment = try DeviceRuntime.current(of: group, tx) else {
      return try DeviceRuntime.dropAgent(&device, tx)
    }
    try DeviceRuntime.startAgent(&device, deployment, reason: "new_bytecode_version", tx)
    if device.online { try DeviceRuntime.run(&device, deployment, tx) }
  }

  /// Takes `device` out of its group: unassigned, unblessed, with no agent.
  static func unassign(_ device: Device, _ tx: Transaction) throws {
    var device = device
    try tx.db.execute(
      "UPDATE devices SET devicegroup_id = NULL, blessed = 0, updated_at = ? WHERE id = ?",
      [.text(tx.timestamp), .text(device.id)])
    device.groupID = nil
    device.blessed = false
    try DeviceRuntime.dropAgent(&device, tx)
  }
}
