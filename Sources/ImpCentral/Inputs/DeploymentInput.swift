/// What a new deployment is made of.
public struct DeploymentDraft: Sendable, Hashable {
  /// The group the deployment is for, with its concrete type.
  public var deviceGroup: ResourceRef
  /// The device code; may be empty.
  public var deviceCode: String
  /// The agent code; may be empty.
  public var agentCode: String
  /// The free-text description.
  public var description: String?
  /// Where the code came from, set at creation.
  public var origin: String?
  /// Whether to protect the deployment from deletion.
  public var flagged: Bool?
  /// Tags made of letters, digits, `_`, `-`, `*` and `.`.
  public var tags: [String]?

  /// Creates a draft.
  public init(
    deviceGroup: ResourceRef, deviceCode: String, agentCode: String,
    description: String? = nil, origin: String? = nil, flagged: Bool? = nil,
    tags: [String]? = nil
  ) {
    self.deviceGroup = deviceGroup
    self.deviceCode = deviceCode
    self.agentCode = agentCode
    self.description = description
    self.origin = origin
    self.flagged = flagged
    self.tags = tags
  }

  var attributes: [String: JSONValue] {
    AttributeMap().set("device_code", deviceCode).set("agent_code", agentCode)
      .set("description", description).set("origin", origin).set("flagged", flagged)
      .set("tags", tags).members
  }
}

/// Changes to a deployment; nil leaves a field as it is.
public struct DeploymentChanges: Sendable, Hashable {
  /// The free-text description.
  public var description: String?
  /// Whether to protect the deployment from deletion.
  public var flagged: Bool?
  /// The new tags, replacing the old ones entirely.
  public var tags: [String]?

  /// Creates changes.
  public init(description: String? = nil, flagged: Bool? = nil, tags: [String]? = nil) {
    self.description = description
    self.flagged = flagged
    self.tags = tags
  }

  var attributes: [String: JSONValue] {
    AttributeMap().set("description", description).set("flagged", flagged).set("tags", tags)
      .members
  }
}
