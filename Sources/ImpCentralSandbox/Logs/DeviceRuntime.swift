import Foundation

/// What happens on a simulated device when it restarts, loads code, or gains or loses
/// its agent; every step writes the log lines a real device would.
enum DeviceRuntime {
  /// Reboots an assigned device: its agent restarts with the group's current deployment,
  /// and an online device loads that deployment and runs it.
  static func restart(_ device: Device, _ tx: Transaction) throws {
    guard let groupID = device.groupID, let group = try tx.db.deviceGroup(id: groupID) else {
      return
    }
    guard let deployment = try current(of: group, tx) else {
      if device.online {
        try DeviceLog.status(device, "Device restarted with no code deployed to its group", tx)
      }
      return
    }
    var device = device
    try startAgent(&device, deployment, reason: "reload", tx)
    if device.online { try run(&device, deployment, tx) }
  }

  /// Restarts a device running code older than the group's min-supported deployment;
  /// tells a newer one to shut down, which it does unless its code handles the notice.
  static func conditionalRestart(_ device: Device, _ tx: Transaction) throws {
    guard let groupID = device.groupID, let group = try tx.db.deviceGroup(id: groupID),
      let minimum = try group.minSupportedDeploymentID.flatMap({ try tx.db.deployment(id: $0) }),
      let running = try device.deploymentID.flatMap({ try tx.db.deployment(id: $0) }),
      running.seq >= minimum.seq
    else {
      return try restart(device, tx)
    }
    try DeviceLog.status(device, "Shutdown requested: SHUTDOWN_NEWSQUIRREL", tx)
    if !SquirrelCode.handlesShutdown(running.deviceCode) { try restart(device, tx) }
  }

  /// The group's current deployment, if it has one.
  static func current(of group: DeviceGroup, _ tx: Transaction) throws -> Deployment? {
    try group.currentDeploymentID.flatMap { try tx.db.deployment(id: $0) }
  }

  /// Starts the agent with `deployment`'s agent code and logs what it prints.
  static func startAgent(
    _ device: inout Device, _ deployment: Deployment, reason: String, _ tx: Transaction
  ) throws {
    try ensureAgent(&device, tx)
    device.agentRunning = true
    try tx.db.execute(
      "UPDATE devices SET agent_running = 1, agent_state_changed_at = ? WHERE id = ?",
      [.text(tx.timestamp), .text(device.id)])
    try DeviceLog.status(device, "Agent restarted: \(reason).", tx)
    for call in SquirrelCode.logCalls(deployment.agentCode) {
      try DeviceLog.write(device, type: call.isError ? "agent.error" : "agent.log", call.text, tx)
    }
  }

  /// Loads `deployment` onto the device (if it is not already there) and runs it.
  static func run(_ device: inout Device, _ deployment: Deployment, _ tx: Transaction) throws {
    if device.deploymentID != deployment.id {
      let share = Double(deployment.deviceCode.utf8.count) / 2_621.44
      try DeviceLog.status(
        device, "Downloading new code; \(String(format: "%.2f", share))% program storage used",
        tx)
      device.deploymentID = deployment.id
      try tx.db.execute(
        "UPDATE devices SET deployment_id = ?, updated_at = ? WHERE id = ?",
        [.text(deployment.id), .text(tx.timestamp), .text(device.id)])
    }
    for call in SquirrelCode.logCalls(deployment.deviceCode) {
      try DeviceLog.write(
        device, type: call.isError ? "server.error" : "server.log", call.text, tx)
    }
  }

  /// Gives the device an agent id if it has none (the agent is not started).
  static func ensureAgent(_ device: inout Device, _ tx: Transaction) throws {
    guard device.agentID == nil else { return }
    let agent = IdentifierFormat.agentID(tx.bytes(12))
    device.agentID = agent
    try tx.db.execute(
      "UPDATE devices SET agent_id = ?, agent_state_changed_at = ?, updated_at = ? WHERE id = ?",
      [.text(agent), .text(tx.timestamp), .text(tx.timestamp), .text(device.id)])
  }

  /// Takes the agent and the loaded code away, as unassignment does.
  static func dropAgent(_ device: inout Device, _ tx: Transaction) throws {
    let hadAgent = device.agentID != nil
    device.agentID = nil
    device.agentRunning = false
    device.deploymentID = nil
    try tx.db.execute(
      """
      UPDATE devices SET agent_id = NULL, agent_running = 0, deployment_id = NULL,
        agent_state_changed_at = CASE WHEN ? THEN ? ELSE agent_state_changed_at END,
        updated_at = ?
      WHERE id = ?
      """, [.bool(hadAgent), .text(tx.timestamp), .text(tx.timestamp), .text(device.id)])
  }
}
