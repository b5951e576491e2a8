/// Rules for device-group writes: regions, blessing behaviour and fixture targets.
enum DeviceGroupRules {
  static func check(
    _ change: WriteRules.Change, type: String, _ attributes: [String: JSONValue],
    _ relationships: [String: ResourceRef]
  ) throws(ImpCentralError) {
    guard let group = DeviceGroupType(apiType: type) else {
      let names = DeviceGroupType.allCases.map { "'\($0.apiType)'" }.joined(separator: ", ")
      throw .invalidArgument("type", "expected a device group type, one of \(names), got '\(type)'")
    }
    if let name = attributes["name"] { try ArgumentChecks.name(name, "name") }
    if change == .create, attributes["region"] != nil {
      try productionFamily(group, "region", "set when creating")
    }
    if change == .update, attributes["load_code_after_blessing"] != nil {
      try productionFamily(group, "load_code_after_blessing", "changed on")
    }
    try targets(change, group, relationships)
  }

  private static func productionFamily(
    _ group: DeviceGroupType, _ attribute: String, _ verb: String
  ) throws(ImpCentralError) {
    guard !group.isProductionFamily else { return }
    throw .invalidArgument(
      attribute,
      "'\(attribute)' can only be \(verb) production and pre-production device groups, "
        + "not a '\(group.name)' group")
  }

  private static func targets(
    _ change: WriteRules.Change, _ group: DeviceGroupType, _ relationships: [String: ResourceRef]
  ) throws(ImpCentralError) {
    let pairs = [
      ("production_target", group.productionTargetType),
      ("dut_target", group.dutTargetType),
    ]
    for (name, expected) in pairs {
      let given = relationships[name]
      guard let expected else {
        guard given == nil else {
          throw .invalidArgument(
            name,
            "'\(name)' can only be set on factory and pre-factory device groups, "
              + "not on a '\(group.name)' group")
        }
        continue
      }
      try target(name, given, expected: expected, for: group, required: change == .create)
    }
  }

  private static func target(
    _ name: String, _ given: ResourceRef?, expected: DeviceGroupType,
    for group: DeviceGroupType, required: Bool
  ) throws(ImpCentralError) {
    guard let given else {
      guard !required else {
        throw .invalidArgument(name, "expected '\(name)' for a '\(group.name)' device group")
      }
      return
    }
    try ArgumentChecks.id(given.id, name)
    guard given.type == expected.apiType else {
      let got = DeviceGroupType(apiType: given.type)?.name ?? given.type
      throw .invalidArgument(
        name, "expected '\(name)' to be a '\(expected.name)' device group, got '\(got)'")
    }
  }
}

/// Rules for webhook writes: the events and content types the service knows.
enum WebhookRules {
  static func check(_ attributes: [String: JSONValue]) throws(ImpCentralError) {
    if let event = attributes["event"] {
      try oneOf(event, WebhookEvent.allCases.map(\.rawValue), "event")
    }
    if let type = attributes["content_type"] {
      try oneOf(type, WebhookContentType.allCases.map(\.rawValue), "content_type")
    }
    if let url = attributes["url"] { try ArgumentChecks.name(url, "url") }
  }

  private static func oneOf(
    _ value: JSONValue, _ choices: [String], _ argument: String
  ) throws(ImpCentralError) {
    guard let text = value.stringValue, choices.contains(text) else {
      let expected = choices.map { "'\($0)'" }.joined(separator: ", ")
      let got = value.stringValue ?? value.jsonText()
      throw .invalidArgument(
        argument, "expected one of \(expected) for '\(argument)', got '\(got)'")
    }
  }
}

/// Rules for deployment writes: the tag format.
enum DeploymentRules {
  static func check(_ attributes: [String: JSONValue]) throws(ImpCentralError) {
    guard let tags = attributes["tags"] else { return }
    guard let values = tags.arrayValue else {
      throw .invalidArgument("tags", "expected a list of strings for 'tags'")
    }
    let strings = values.compactMap(\.stringValue)
    guard strings.count == values.count else {
      throw .invalidArgument("tags", "expected a list of strings for 'tags'")
    }
    try ArgumentChecks.tags(strings, "tags")
  }
}
