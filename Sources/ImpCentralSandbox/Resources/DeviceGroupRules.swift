import ImpCentral

/// The checks on device-group attributes and targets that create and update share.
enum DeviceGroupRules {
  static let duplicateName = "Devicegroups must have unique names."

  /// Refuses production-family and fixture types to accounts without production features.
  static func checkPermission(_ type: DeviceGroupType, _ caller: Account) throws {
    if type != .development && !caller.productionEnabled { throw APIError.invalidPermission() }
  }

  /// Refuses a name already used by another group of the product.
  static func checkUnique(
    _ name: String, product: String, except id: String?, _ db: Database
  ) throws {
    let taken = try db.exists(
      "SELECT 1 FROM devicegroups WHERE product_id = ? AND name = ? AND id IS NOT ?",
      [.text(product), .text(name), .text(id)])
    if taken { throw APIError.duplicate(duplicateName) }
  }

  /// Reads `region`: accepted only on production-family creates.
  static func region(_ reader: AttributeReader, _ type: DeviceGroupType) throws -> String? {
    guard reader.has("region") else { return nil }
    guard type.isProductionFamily else {
      throw APIError.invalidAttribute(
        "region", "is accepted only on production_devicegroup and pre_production_devicegroup")
    }
    return try reader.nullableText("region", .name, length: 0...64) ?? nil
  }

  /// Reads `load_code_after_blessing`: accepted only on production-family updates.
  static func loadCode(_ reader: AttributeReader, _ type: DeviceGroupType) throws -> Bool? {
    guard reader.has("load_code_after_blessing") else { return nil }
    guard type.isProductionFamily else {
      throw APIError.invalidAttribute(
        "load_code_after_blessing",
        "is accepted only on production_devicegroup and pre_production_devicegroup")
    }
    return try reader.bool("load_code_after_blessing")
  }

  /// Reads `env_vars` as JSON text: keys start with a letter, values are strings or numbers.
  static func envVars(_ reader: AttributeReader) throws -> String?? {
    guard let value = reader.attributes["env_vars"] else { return nil }
    if value.isNull { return .some(nil) }
    guard let members = value.objectValue,
      members.allSatisfy({ isVariableName($0.key) && isVariableValue($0.value) })
    else {
      throw APIError.invalidAttribute(
        "env_vars",
        "must be an object whose keys are letters, digits and _ starting with a letter, "
          + "and whose values are strings or numbers")
    }
    return .some(String(decoding: JSONWriter.data(value), as: UTF8.self))
  }

  private static func isVariableName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic
    else { return false }
    return name.count <= 100
      && name.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
      }
  }

  private static func isVariableValue(_ value: JSONValue) -> Bool {
    value.stringValue != nil || value.numberValue != nil
  }

  /// Checks a fixture's target: right type, owned, and in the same product.
  static func target(
    _ name: String, _ ref: ResourceRef, required: DeviceGroupType, product: String,
    _ ctx: RequestContext
  ) throws -> DeviceGroup {
    guard ref.type == required.apiType else {
      throw APIError.invalidRelationship(name, "must have type '\(required.apiType)'")
    }
    guard let group = try ctx.db.deviceGroup(id: ref.id, ownerID: ctx.caller.id) else {
      throw APIError.notFound("devicegroup", ref.id)
    }
    guard group.type == required else {
      throw APIError.invalidRelationship(
        name, "must point at a \(required.apiType), but '\(ref.id)' is a \(group.type.apiType)")
    }
    guard group.productID == product else {
      throw APIError.invalidRelationship(name, "must point at a devicegroup of the same product")
    }
    return group
  }

  /// The targets given in `relationships`, checked against the group's type.
  ///
  /// Fixture creates need both; other types accept neither.
  static func targets(
    _ relationships: [String: ResourceRef], type: DeviceGroupType, product: String,
    creating: Bool, _ ctx: RequestContext
  ) throws -> (production: String?, dut: String?) {
    let production = relationships["production_target"]
    let dut = relationships["dut_target"]
    guard let productionType = type.productionTargetType, let dutType = type.dutTargetType
    else {
      if let name = production != nil ? "production_target" : (dut != nil ? "dut_target" : nil) {
        throw APIError.invalidRelationship(
          name,
          "is accepted only on factoryfixture_devicegroup and "
            + "pre_factoryfixture_devicegroup")
      }
      return (nil, nil)
    }
    if creating, production == nil { throw APIError.missingRelationship("production_target") }
    if creating, dut == nil { throw APIError.missingRelationship("dut_target") }
    let productionID = try production.map {
      try target("production_target", $0, required: productionType, product: product, ctx).id
    }
    let dutID = try dut.map {
      try target("dut_target", $0, required: dutType, product: product, ctx).id
    }
    return (productionID, dutID)
  }
}
