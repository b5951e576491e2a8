import ImpCentral

/// Creates deployments and their consequences: the group's current (and, for a first
/// deployment, min-supported) deployment, agents for its devices, `deployment` webhooks.
enum DeploymentWriter {
  /// What a new deployment holds.
  struct Draft {
    var group: DeviceGroup
    var creator: String
    var deviceCode: String
    var agentCode: String
    var description = ""
    var origin: String?
    var flagged = false
    var tags: [String] = []
  }

  /// Inserts `draft` and applies its side effects.
  static func insert(_ draft: Draft, _ tx: Transaction) throws -> Deployment {
    let id = tx.uuid()
    let sha = Deployment.sha(deviceCode: draft.deviceCode, agentCode: draft.agentCode)
    try tx.db.execute(
      """
      INSERT INTO deployments (id, devicegroup_id, product_id, owner_id, creator_id, flagger_id,
        device_code, agent_code, description, origin, flagged, tags, sha, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(id), .text(draft.group.id), .text(draft.group.productID),
        .text(draft.group.ownerID), .text(draft.creator),
        .text(draft.flagged ? draft.creator : nil), .text(draft.deviceCode),
        .text(draft.agentCode), .text(draft.description), .text(draft.origin),
        .bool(draft.flagged), .text(draft.tags.joined(separator: ",")), .text(sha),
        .text(tx.timestamp), .text(tx.timestamp),
      ])
    try applyConsequences(of: id, sha: sha, draft, tx)
    guard let deployment = try tx.db.deployment(id: id) else {
      throw DatabaseError(code: 1, message: "the new deployment vanished", statement: nil)
    }
    return deployment
  }

  /// Makes the new deployment current (and min-supported if the group had none), gives
  /// the group's devices agents, and fires the group's `deployment` webhooks.
  private static func applyConsequences(
    of id: String, sha: String, _ draft: Draft, _ tx: Transaction
  ) throws {
    try tx.db.execute(
      """
      UPDATE devicegroups SET current_deployment_id = ?1,
        min_supported_deployment_id = coalesce(min_supported_deployment_id, ?1)
      WHERE id = ?2
      """, [.text(id), .text(draft.group.id)])
    for device in try tx.db.devices(inGroup: draft.group.id) {
      var device = device
      try DeviceRuntime.ensureAgent(&device, tx)
    }
    try WebhookDispatch.fire(
      "deployment", group: draft.group.id,
      payload: [
        "deployment_id": .string(id), "devicegroup_id": .string(draft.group.id),
        "product_id": .string(draft.group.productID), "sha": .string(sha),
        "created_at": .string(tx.timestamp),
      ], tx)
  }
}
