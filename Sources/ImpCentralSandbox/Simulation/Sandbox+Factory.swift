import ImpCentral

/// The factory line and end-user activation.
extension Sandbox {
  /// Runs a factory line: the fixtures of a factory (or pre-factory) group BlinkUp `count`
  /// new devices, which enroll into its DUT target and are blessed into its production
  /// target, firing the production group's `blessing` webhooks.
  ///
  /// The production group's code is loaded at once when its `load_code_after_blessing` is
  /// true; otherwise at activation (`blinkup`). Blessed devices leave the line offline,
  /// boxed for shipping.
  public func runFactory(fixtureGroup: String, count: Int) throws(SandboxError)
    -> [SimulatedDevice]
  {
    guard (1...10_000).contains(count) else {
      throw SandboxError(
        .invalidArgument, "expected a device count from 1 to 10000, got \(count)")
    }
    return try simulate { tx in
      let line = try FactoryLine(fixtureGroup: fixtureGroup, tx)
      return try (0..<count).map { _ in try line.produce(tx) }
    }
  }

  /// Activates a blessed device as its end user would: it comes online, gets its agent,
  /// loads its production code, and the group's `blinkup` webhooks fire.
  @discardableResult
  public func blinkup(device: String) throws(SandboxError) -> SimulatedDevice {
    try simulate { tx in
      var found = try Self.device(device, tx)
      guard found.blessed, let groupID = found.groupID,
        let group = try tx.db.deviceGroup(id: groupID), group.isProductionFamily
      else {
        throw SandboxError(
          .notBlessed, "device '\(device)' is not a blessed production device",
          help: "Run a factory line first ('sandbox factory'); it blesses new devices.")
      }
      try Self.activate(&found, in: group, tx)
      try WebhookDispatch.fire(
        "blinkup", group: group.id,
        payload: [
          "device_id": .string(found.id), "mac": .string(found.mac),
          "plan_id": .string(found.planID), "token": .string(tx.hex(bytes: 16)),
          "timestamp": .string(tx.timestamp),
        ], tx)
      return try Self.simulated(found.id, tx)
    }
  }

  /// Brings a boxed device online with its agent and its group's code.
  private static func activate(
    _ device: inout Device, in group: DeviceGroup, _ tx: Transaction
  ) throws {
    try tx.db.execute(
      """
      UPDATE devices SET device_online = 1, device_state_changed_at = ?,
        last_enrolled_at = ?, ip_address = coalesce(ip_address, '192.0.2.1'), updated_at = ?
      WHERE id = ?
      """, [.text(tx.timestamp), .text(tx.timestamp), .text(tx.timestamp), .text(device.id)])
    device.online = true
    try DeviceLog.status(device, "Device connected", tx)
    if let deployment = try DeviceRuntime.current(of: group, tx) {
      try DeviceRuntime.startAgent(&device, deployment, reason: "reload", tx)
      try DeviceRuntime.run(&device, deployment, tx)
    }
  }
}

/// A factory fixture group ready to produce devices, with its fixture and targets.
struct FactoryLine {
  let fixture: Device
  let fixtureCode: Deployment
  let dut: DeviceGroup
  let production: DeviceGroup

  /// Checks that `fixtureGroup` can run: a fixture type with a deployment, a fixture
  /// device and both targets.
  init(fixtureGroup: String, _ tx: Transaction) throws {
    guard let group = try tx.db.deviceGroup(id: fixtureGroup) else {
      throw SandboxError(
        .notFound, "no device group '\(fixtureGroup)' in the sandbox",
        help: "Name the fixture group by id; 'dg list' shows them.")
    }
    guard group.type.isFixture else {
      throw SandboxError(
        .wrongGroupType,
        "device group '\(group.name)' is a \(group.type.name) group, not a fixture group",
        help: "Run the factory on a group of type factory or pre-factory.")
    }
    guard let code = try DeviceRuntime.current(of: group, tx) else {
      throw SandboxError(
        .noDeployment, "fixture group '\(group.name)' has no deployment",
        help: "Deploy the factory firmware to the fixture group first.")
    }
    guard let fixture = try tx.db.devices(inGroup: group.id).first else {
      throw SandboxError(
        .noFixture, "fixture group '\(group.name)' has no fixture device",
        help: "Assign a device to the fixture group to act as the BlinkUp fixture.")
    }
    guard let dutID = group.dutTargetID, let dut = try tx.db.deviceGroup(id: dutID),
      let productionID = group.productionTargetID,
      let production = try tx.db.deviceGroup(id: productionID)
    else {
      throw SandboxError(.notFound, "fixture group '\(group.name)' has lost a target group")
    }
    self.fixture = fixture
    fixtureCode = code
    self.dut = dut
    self.production = production
  }

  /// Makes one device: BlinkUp by the fixture, DUT enrollment and test, then blessing.
  func produce(_ tx: Transaction) throws -> SimulatedDevice {
    let id = try DeviceMaker.make(
      .init(owner: production.ownerID, name: nil, impType: "imp006", online: true), tx)
    guard let made = try tx.db.device(id: id) else {
      throw SandboxError(.notFound, "the new device '\(id)' vanished")
    }
    try DeviceLog.status(fixture, "BlinkUp sent to \(made.mac)", tx)
    for call in SquirrelCode.logCalls(fixtureCode.deviceCode) {
      try DeviceLog.write(
        fixture, type: call.isError ? "server.error" : "server.log", call.text, tx)
    }
    try DeviceAssignment.assign(made, to: dut, tx)
    try bless(id, tx)
    return try Sandbox.simulated(id, tx)
  }

  private func bless(_ id: String, _ tx: Transaction) throws {
    guard var device = try tx.db.device(id: id) else { return }
    try DeviceRuntime.dropAgent(&device, tx)
    try tx.db.execute(
      """
      UPDATE devices SET devicegroup_id = ?, blessed = 1, last_enrolled_at = ?, updated_at = ?
      WHERE id = ?
      """, [.text(production.id), .text(tx.timestamp), .text(tx.timestamp), .text(id)])
    device.blessed = true
    device.groupID = production.id
    try DeviceLog.status(device, "Device blessed", tx)
    if production.loadCodeAfterBlessing ?? true,
      let deployment = try DeviceRuntime.current(of: production, tx)
    {
      try DeviceRuntime.startAgent(&device, deployment, reason: "new_bytecode_version", tx)
      try DeviceRuntime.run(&device, deployment, tx)
    }
    try tx.db.execute(
      "UPDATE devices SET device_online = 0, device_state_changed_at = ?, ip_address = NULL "
        + "WHERE id = ?", [.text(tx.timestamp), .text(id)])
    try WebhookDispatch.fire(
      "blessing", group: production.id,
      payload: [
        "device_id": .string(id), "imp_id": .string(id), "mac": .string(device.mac),
        "success": true, "timestamp": .string(tx.timestamp),
      ], tx)
  }
}
