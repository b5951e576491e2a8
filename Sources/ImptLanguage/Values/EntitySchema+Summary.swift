import ImpCentral

extension EntitySchema {
  /// The fields a table of these entities shows by default; `select` shows others.
  ///
  /// They follow what impt lists for each kind, plus the relationship a fleet view needs
  /// most (a device's group, a build's group) and a group's minimum supported build,
  /// which `dg update --min-supported-deployment` and `build run` change.
  public var summaryFields: [String] {
    switch kind {
    case .account: ["id", "username", "email"]
    case .product: ["id", "name", "description"]
    case .deviceGroup:
      ["id", "type", "name", "description", "current_deployment", "min_supported_deployment"]
    case .device: ["id", "name", "mac_address", "agent_id", "device_online", "devicegroup"]
    case .deployment: ["id", "sha", "tags", "origin", "flagged", "devicegroup", "created_at"]
    case .webhook: ["id", "event", "url", "content_type", "devicegroup"]
    case .loginKey: ["id", "description", "usages"]
    default: names
    }
  }
}
