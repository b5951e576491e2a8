/// The attributes and relationships each write may carry, and which are required.
///
/// These are the checks the official client makes before sending; a refused write never
/// reaches the service.
enum WriteRules {
  /// A create or an update.
  enum Change { case create, update }

  private struct Rule {
    var attributes: Set<String>
    var requiredAttributes: Set<String> = []
    var relationships: Set<String> = []
    var requiredRelationships: Set<String> = []
  }

  private static let creates: [ResourceKind: Rule] = [
    .product: Rule(
      attributes: ["name", "description"], requiredAttributes: ["name"],
      relationships: ["owner"]),
    .deviceGroup: Rule(
      attributes: ["name", "description", "region", "env_vars"], requiredAttributes: ["name"],
      relationships: ["product", "production_target", "dut_target"],
      requiredRelationships: ["product"]),
    .deployment: Rule(
      attributes: ["device_code", "agent_code", "description", "origin", "flagged", "tags"],
      requiredAttributes: ["device_code", "agent_code"],
      relationships: ["devicegroup"], requiredRelationships: ["devicegroup"]),
    .webhook: Rule(
      attributes: ["url", "event", "content_type"],
      requiredAttributes: ["url", "event", "content_type"],
      relationships: ["devicegroup"], requiredRelationships: ["devicegroup"]),
    .loginKey: Rule(attributes: ["description"]),
  ]

  private static let updates: [ResourceKind: Rule] = [
    .product: Rule(attributes: ["name", "description"]),
    .deviceGroup: Rule(
      attributes: ["name", "description", "load_code_after_blessing", "env_vars"],
      relationships: ["production_target", "dut_target"]),
    .deployment: Rule(attributes: ["description", "flagged", "tags"]),
    .device: Rule(attributes: ["name"]),
    .webhook: Rule(attributes: ["url", "content_type"]),
    .loginKey: Rule(attributes: ["description"]),
  ]

  /// Checks a write of a `kind` resource of concrete `type`.
  static func check(
    _ change: Change, _ kind: ResourceKind, type: String,
    attributes: [String: JSONValue], relationships: [String: ResourceRef]
  ) throws(ImpCentralError) {
    let verb = change == .create ? "created" : "updated"
    guard let rule = (change == .create ? creates : updates)[kind] else {
      throw .invalidArgument("type", "a \(kind.noun) cannot be \(verb) through the API")
    }
    try allowed(attributes.keys, rule.attributes, "attribute", kind, verb)
    try required(attributes.keys, rule.requiredAttributes, kind, verb)
    try allowed(relationships.keys, rule.relationships, "relationship", kind, verb)
    try required(relationships.keys, rule.requiredRelationships, kind, verb)
    try checkValues(change, kind, type: type, attributes, relationships)
  }

  private static func checkValues(
    _ change: Change, _ kind: ResourceKind, type: String,
    _ attributes: [String: JSONValue], _ relationships: [String: ResourceRef]
  ) throws(ImpCentralError) {
    switch kind {
    case .product:
      if let name = attributes["name"] { try ArgumentChecks.name(name, "name") }
    case .deviceGroup:
      try DeviceGroupRules.check(change, type: type, attributes, relationships)
    case .webhook:
      try WebhookRules.check(attributes)
    case .deployment:
      try DeploymentRules.check(attributes)
    default:
      break
    }
  }

  private static func allowed(
    _ keys: Dictionary<String, some Any>.Keys, _ allowed: Set<String>, _ what: String,
    _ kind: ResourceKind, _ verb: String
  ) throws(ImpCentralError) {
    guard let unknown = keys.sorted().first(where: { !allowed.contains($0) }) else { return }
    let expected = allowed.sorted().map { "'\($0)'" }.joined(separator: ", ")
    let choices = allowed.isEmpty ? "none may be given" : "expected one of \(expected)"
    throw .invalidArgument(
      unknown, "'\(unknown)' is not a \(what) a \(kind.noun) can be \(verb) with; \(choices)")
  }

  private static func required(
    _ keys: Dictionary<String, some Any>.Keys, _ required: Set<String>, _ kind: ResourceKind,
    _ verb: String
  ) throws(ImpCentralError) {
    guard let missing = required.sorted().first(where: { !keys.contains($0) }) else { return }
    throw .invalidArgument(missing, "expected '\(missing)' for a \(kind.noun) to be \(verb)")
  }
}
