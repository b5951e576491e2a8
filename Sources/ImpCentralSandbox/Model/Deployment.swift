import ImpCentral

/// A deployment row, with its group's type while it has a group.
///
/// Each field mirrors the table column of the same name; `init(_:)` reads a row selected
/// with `columns`.
struct Deployment {
  var seq: Int
  var id: String
  var groupID: String?
  var productID: String
  var ownerID: String
  var creatorID: String
  var flaggerID: String?
  var deviceCode: String
  var agentCode: String
  var description: String
  var origin: String?
  var flagged: Bool
  /// The tags joined by commas (tags cannot hold commas).
  var tags: String
  var sha: String
  var createdAt: String
  var updatedAt: String
  var groupType: DeviceGroupType?

  /// The columns `init(_:)` reads, for `deployments p LEFT JOIN devicegroups g`.
  static let columns = """
    p.seq, p.id, p.devicegroup_id, p.product_id, p.owner_id, p.creator_id, p.flagger_id,
    p.device_code, p.agent_code, p.description, p.origin, p.flagged, p.tags, p.sha,
    p.created_at, p.updated_at, g.type
    """

  /// The FROM clause that goes with `columns`.
  static let source = "deployments p LEFT JOIN devicegroups g ON g.id = p.devicegroup_id"

  init(_ row: Row) {
    seq = row.int(0)
    id = row.text(1)
    groupID = row.optionalText(2)
    productID = row.text(3)
    ownerID = row.text(4)
    creatorID = row.text(5)
    flaggerID = row.optionalText(6)
    deviceCode = row.text(7)
    agentCode = row.text(8)
    description = row.text(9)
    origin = row.optionalText(10)
    flagged = row.bool(11)
    tags = row.text(12)
    sha = row.text(13)
    createdAt = row.text(14)
    updatedAt = row.text(15)
    groupType = row.optionalText(16).flatMap(DeviceGroupType.init(apiType:))
  }

  /// The tags as a list, in the order they were given.
  var tagList: [String] { tags.split(separator: ",").map(String.init) }

  /// The hash of a deployment's code: equal code gives an equal hash.
  static func sha(deviceCode: String, agentCode: String) -> String {
    SHA256.hex(agentCode + "\u{0}" + deviceCode)
  }
}

extension Database {
  /// The deployment `id` if `ownerID` owns it.
  func deployment(id: String, ownerID: String) throws -> Deployment? {
    try first(
      "SELECT \(Deployment.columns) FROM \(Deployment.source) WHERE p.id = ? AND p.owner_id = ?",
      [.text(id), .text(ownerID)], Deployment.init)
  }

  /// The deployment `id`, whoever owns it.
  func deployment(id: String) throws -> Deployment? {
    try first(
      "SELECT \(Deployment.columns) FROM \(Deployment.source) WHERE p.id = ?", [.text(id)],
      Deployment.init)
  }
}
