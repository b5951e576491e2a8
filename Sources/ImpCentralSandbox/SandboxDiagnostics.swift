/// Views into the sandbox's database for checks and tests.
extension Sandbox {
  /// Every row of every table as text, keyed by table; equal snapshots mean equal data.
  func snapshot() throws -> [String: [String]] {
    try perform(write: false) { tx in
      var tables: [String: [String]] = [:]
      for name in try tx.db.tableNames() { tables[name] = try tx.db.dump(name) }
      return tables
    }
  }

  /// The result of `PRAGMA integrity_check`: `["ok"]` for a sound database.
  public func integrityCheck() throws(SandboxError) -> [String] {
    do {
      return try perform(write: false) { tx in
        try tx.db.query("PRAGMA integrity_check") { $0.text(0) }
      }
    } catch let error as DatabaseError {
      throw SandboxError.storage(error)
    } catch {
      throw SandboxError(.storage, "the integrity check failed: \(error)")
    }
  }
}
