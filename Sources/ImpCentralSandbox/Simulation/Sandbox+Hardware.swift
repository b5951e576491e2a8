import ImpCentral

/// The hardware simulation: what devices, factories and end users do to an account.
///
/// Each operation is one transaction, like an API request: it happens completely or not at
/// all. Devices are named by id, MAC address or agent id; groups by id.
extension Sandbox {
  /// Adds `count` new devices to an account (default: the seeded `sandbox` account),
  /// unassigned and without agents.
  public func addDevices(
    count: Int, namePrefix: String? = nil, impType: String = "imp006", online: Bool = true,
    owner: String? = nil
  ) throws(SandboxError) -> [SimulatedDevice] {
    guard (1...100_000).contains(count) else {
      throw SandboxError(
        .invalidArgument, "expected a device count from 1 to 100000, got \(count)")
    }
    guard DeviceMaker.impTypes.contains(impType) else {
      throw SandboxError(
        .invalidArgument, "unknown imp type '\(impType)'",
        help: "Use one of \(DeviceMaker.impTypes.joined(separator: ", ")).")
    }
    if let prefix = namePrefix, let refused = TextRule.name.firstRefused(in: prefix) {
      throw SandboxError(
        .invalidArgument,
        "the name prefix holds the control character \(TextRule.label(refused.scalar)) at "
          + "character \(refused.position); \(TextRule.name.summary)",
        help: "Use a prefix of printable characters, such as 'bench'.")
    }
    return try simulate { tx in
      let account = try Self.account(owner, tx)
      let first = try Self.nextNumber(prefix: namePrefix, owner: account.id, tx)
      return try (0..<count).map { index in
        let name = namePrefix.map { "\($0)-\(first + index)" }
        let id = try DeviceMaker.make(
          .init(owner: account.id, name: name, impType: impType, online: online), tx)
        return try Self.simulated(id, tx)
      }
    }
  }

  /// Writes one line to a device's log (and its log streams).
  public func emitLog(
    device: String, text: String, type: String = "server.log"
  ) throws(SandboxError) {
    guard LogTypes.all.contains(type) else {
      throw SandboxError(
        .invalidArgument, "unknown log type '\(type)'",
        help: "Use one of \(LogTypes.all.joined(separator: ", ")).")
    }
    try simulate { tx in
      try DeviceLog.write(try Self.device(device, tx), type: type, text, tx)
    }
  }

  /// Takes a device online or offline; a device coming online loads its group's code.
  @discardableResult
  public func setOnline(device: String, _ online: Bool) throws(SandboxError) -> SimulatedDevice {
    try simulate { tx in
      var found = try Self.device(device, tx)
      guard found.online != online else { return SimulatedDevice(found) }
      try tx.db.execute(
        """
        UPDATE devices SET device_online = ?, device_state_changed_at = ?,
          ip_address = CASE WHEN ? THEN coalesce(ip_address, '192.0.2.1') END, updated_at = ?
        WHERE id = ?
        """,
        [.bool(online), .text(tx.timestamp), .bool(online), .text(tx.timestamp), .text(found.id)])
      found.online = online
      try DeviceLog.status(found, online ? "Device connected" : "Device disconnected", tx)
      if online, let groupID = found.groupID, let group = try tx.db.deviceGroup(id: groupID),
        let deployment = try DeviceRuntime.current(of: group, tx)
      {
        try DeviceRuntime.run(&found, deployment, tx)
      }
      return try Self.simulated(found.id, tx)
    }
  }

  /// Every webhook firing so far, oldest first.
  public func webhookFirings() throws(SandboxError) -> [WebhookFiring] {
    try simulate { tx in try WebhookDispatch.all(tx.db) }
  }

  /// Empties the sandbox and seeds it again, as if the database were new.
  public func reset() throws(SandboxError) {
    try simulate { tx in
      try tx.db.script(Schema.resetStatements)
      tx.restartSequence()
      try Seeding.seed(tx)
      try tx.db.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('sequence', ?)",
        [.text(String(tx.sequence))])
    }
    closeAllStreams()
  }

  /// Runs `body` as one write transaction, reporting failures as `SandboxError`.
  func simulate<T: Sendable>(_ body: (Transaction) throws -> T) throws(SandboxError) -> T {
    do {
      return try perform(write: true, body)
    } catch let error as SandboxError {
      throw error
    } catch let error as DatabaseError {
      throw SandboxError.storage(error)
    } catch {
      throw SandboxError(.storage, "the sandbox failed: \(error)")
    }
  }

  static func account(_ owner: String?, _ tx: Transaction) throws -> Account {
    let key = owner ?? SandboxAccounts.standard.username
    guard let account = try tx.db.account(login: key) ?? tx.db.account(id: key) else {
      throw SandboxError(
        .notFound, "no account '\(key)' in the sandbox",
        help: "Name an account by username, email or id; 'sandbox' is always there.")
    }
    return account
  }

  static func device(_ key: String, _ tx: Transaction) throws -> Device {
    guard let device = try tx.db.device(anyOwner: key) else {
      throw SandboxError(
        .notFound, "no device '\(key)' in the sandbox",
        help: "Name a device by its id, MAC address or agent id; 'device list' shows them.")
    }
    return device
  }

  static func simulated(_ id: String, _ tx: Transaction) throws -> SimulatedDevice {
    guard let device = try tx.db.device(id: id) else {
      throw SandboxError(.notFound, "no device '\(id)' in the sandbox")
    }
    return SimulatedDevice(device)
  }

  /// The first free number for names `prefix-N` in the account.
  private static func nextNumber(prefix: String?, owner: String, _ tx: Transaction) throws -> Int {
    guard let prefix else { return 1 }
    let count = try tx.db.first(
      "SELECT count(*) FROM devices WHERE owner_id = ? AND substr(name, 1, ?) = ?",
      [.text(owner), .int(prefix.count + 1), .text(prefix + "-")]
    ) { $0.int(0) }
    return (count ?? 0) + 1
  }
}
