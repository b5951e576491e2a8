/// What a new device group is made of.
public struct DeviceGroupDraft: Sendable, Hashable {
  /// The type of device group.
  public var type: DeviceGroupType
  /// The name.
  public var name: String
  /// The id of the product the group belongs to.
  public var productID: String
  /// The free-text description.
  public var description: String?
  /// Only for production and pre-production groups.
  public var region: String?
  /// User environment variables: keys alphanumeric, values strings or numbers.
  public var envVars: [String: JSONValue]?
  /// Required for factory and pre-factory groups, refused for the others.
  public var productionTarget: ResourceRef?
  /// Required for factory and pre-factory groups, refused for the others.
  public var dutTarget: ResourceRef?

  /// Creates a draft.
  public init(
    type: DeviceGroupType, name: String, productID: String, description: String? = nil,
    region: String? = nil, envVars: [String: JSONValue]? = nil,
    productionTarget: ResourceRef? = nil, dutTarget: ResourceRef? = nil
  ) {
    self.type = type
    self.name = name
    self.productID = productID
    self.description = description
    self.region = region
    self.envVars = envVars
    self.productionTarget = productionTarget
    self.dutTarget = dutTarget
  }

  var attributes: [String: JSONValue] {
    AttributeMap().set("name", name).set("description", description).set("region", region)
      .set("env_vars", envVars).members
  }

  var relationships: [String: ResourceRef] {
    var result = ["product": ResourceRef(type: "product", id: productID)]
    result["production_target"] = productionTarget
    result["dut_target"] = dutTarget
    return result
  }
}

/// Changes to a device group; nil leaves a field as it is.
public struct DeviceGroupChanges: Sendable, Hashable {
  /// The name.
  public var name: String?
  /// The free-text description.
  public var description: String?
  /// Only for production and pre-production groups.
  public var loadCodeAfterBlessing: Bool?
  /// The user environment variables.
  public var envVars: [String: JSONValue]?
  /// Only for factory and pre-factory groups.
  public var productionTarget: ResourceRef?
  /// Only for factory and pre-factory groups.
  public var dutTarget: ResourceRef?

  /// Creates changes.
  public init(
    name: String? = nil, description: String? = nil, loadCodeAfterBlessing: Bool? = nil,
    envVars: [String: JSONValue]? = nil, productionTarget: ResourceRef? = nil,
    dutTarget: ResourceRef? = nil
  ) {
    self.name = name
    self.description = description
    self.loadCodeAfterBlessing = loadCodeAfterBlessing
    self.envVars = envVars
    self.productionTarget = productionTarget
    self.dutTarget = dutTarget
  }

  var attributes: [String: JSONValue] {
    AttributeMap().set("name", name).set("description", description)
      .set("load_code_after_blessing", loadCodeAfterBlessing).set("env_vars", envVars).members
  }

  var relationships: [String: ResourceRef] {
    var result: [String: ResourceRef] = [:]
    result["production_target"] = productionTarget
    result["dut_target"] = dutTarget
    return result
  }
}

extension DeviceGroupType {
  /// The type with the given command-line name (`pre-factory`) or API type
  /// (`pre_factoryfixture_devicegroup`); anything else is refused, naming `argument`.
  public init(validating text: String, argument: String = "dg-type") throws(ImpCentralError) {
    guard let type = Self(name: text) ?? Self(apiType: text) else {
      let names = Self.allCases.map { "'\($0.name)'" }.joined(separator: ", ")
      throw .invalidArgument(
        argument, "expected a device group type, one of \(names), got '\(text)'")
    }
    self = type
  }

  /// A reference to the group `id` of this type, as targets and deployments need.
  public func ref(_ id: String) -> ResourceRef {
    ResourceRef(type: apiType, id: id)
  }
}
