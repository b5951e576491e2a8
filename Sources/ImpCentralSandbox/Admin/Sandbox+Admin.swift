import ImpCentral

/// The checks the admin API makes before it simulates anything for a caller.
extension Sandbox {
  /// The account whose unexpired access token `request` carries; a 401 error otherwise.
  func adminCaller(_ request: APIRequest) throws -> Account {
    try perform(write: false) { tx in try Authentication.caller(request, tx) }
  }

  /// Checks that the device `key` (id, MAC address or agent id) is in `accountID`'s
  /// account; returns its id.
  func adminDeviceID(_ key: String, inAccount accountID: String) throws -> String {
    try perform(write: false) { tx in
      guard let device = try tx.db.device(anyOwner: key), device.ownerID == accountID else {
        throw SandboxError(
          .notFound, "no device '\(key)' in the account",
          help: "Name a device by its id, MAC address or agent id; 'device list' shows them.")
      }
      return device.id
    }
  }

  /// Checks that the device group `id` is in `accountID`'s account.
  func adminCheckGroup(_ id: String, inAccount accountID: String) throws {
    try perform(write: false) { tx in
      guard try tx.db.deviceGroup(id: id, ownerID: accountID) != nil else {
        throw SandboxError(
          .notFound, "no device group '\(id)' in the account",
          help: "Name the fixture group by id; 'dg list' shows them.")
      }
    }
  }
}
