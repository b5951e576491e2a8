import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

/// Builders for the resources most tests need; each expects success.
extension Harness {
  /// A create document.
  static func document(
    _ type: String, _ attributes: JSONValue, _ relationships: [String: JSONValue] = [:]
  ) -> JSONValue {
    var data: [String: JSONValue] = ["type": .string(type), "attributes": attributes]
    if !relationships.isEmpty { data["relationships"] = .object(relationships) }
    return ["data": .object(data)]
  }

  /// A flat `{type, id}` reference.
  static func ref(_ type: String, _ id: String) -> JSONValue {
    ["type": .string(type), "id": .string(id)]
  }

  /// Creates a product and returns its id.
  func product(_ name: String = "Product") throws -> String {
    let answer = call(.post, "/products", Self.document("product", ["name": .string(name)]))
    try #require(answer.status == 201, "product create: \(answer.json.jsonText())")
    return answer.id
  }

  /// Creates a device group and returns its id.
  func group(
    _ type: DeviceGroupType, _ name: String, product: String,
    production: String? = nil, dut: String? = nil
  ) throws -> String {
    var relationships: [String: JSONValue] = ["product": Self.ref("product", product)]
    if let production, let target = type.productionTargetType {
      relationships["production_target"] = Self.ref(target.apiType, production)
    }
    if let dut, let target = type.dutTargetType {
      relationships["dut_target"] = Self.ref(target.apiType, dut)
    }
    let answer = call(
      .post, "/devicegroups",
      Self.document(type.apiType, ["name": .string(name)], relationships))
    try #require(answer.status == 201, "group create: \(answer.json.jsonText())")
    return answer.id
  }

  /// Creates a deployment and returns its id.
  func deploy(
    _ group: String, type: DeviceGroupType = .development, device: String = "",
    agent: String = "", flagged: Bool? = nil
  ) throws -> String {
    var attributes: [String: JSONValue] = [
      "device_code": .string(device), "agent_code": .string(agent),
    ]
    if let flagged { attributes["flagged"] = .bool(flagged) }
    let answer = call(
      .post, "/deployments",
      Self.document(
        "deployment", .object(attributes), ["devicegroup": Self.ref(type.apiType, group)]))
    try #require(answer.status == 201, "deploy: \(answer.json.jsonText())")
    return answer.id
  }

  /// Creates a webhook and returns its id.
  func webhook(
    _ group: String, type: DeviceGroupType, url: String, event: String,
    contentType: String = "application/json"
  ) throws -> String {
    let answer = call(
      .post, "/webhooks",
      Self.document(
        "webhook",
        ["url": .string(url), "event": .string(event), "content_type": .string(contentType)],
        ["devicegroup": Self.ref(type.apiType, group)]))
    try #require(answer.status == 201, "webhook: \(answer.json.jsonText())")
    return answer.id
  }

  /// Assigns devices (by any key) to a group, expecting 204.
  func assign(_ keys: [String], to group: String) throws {
    let answer = call(.post, "/devicegroups/\(group)/relationships/devices", Self.devices(keys))
    try #require(answer.status == 204, "assign: \(answer.json.jsonText())")
  }

  /// A `{data: [{type: device, id}]}` body.
  static func devices(_ keys: [String]) -> JSONValue {
    ["data": .array(keys.map { ref("device", $0) })]
  }

  /// A production line: product, production, DUT and factory groups, a fixture device.
  func factoryLine(loadCode: Bool = true) throws -> FactorySetup {
    let product = try self.product("Line")
    let production = try group(.production, "Production", product: product)
    let dut = try group(.dut, "DUT", product: product)
    let factory = try group(.factory, "Factory", product: product, production: production, dut: dut)
    if !loadCode {
      let body = Self.document(
        "production_devicegroup", ["load_code_after_blessing": false])
      try #require(call(.patch, "/devicegroups/\(production)", body).status == 200)
    }
    let fixture = try sandbox.addDevices(count: 1, namePrefix: "fixture")[0]
    try assign([fixture.id], to: factory)
    return FactorySetup(
      product: product, production: production, dut: dut, factory: factory, fixture: fixture.id)
  }
}

/// The ids of a production line made by `Harness.factoryLine`.
struct FactorySetup {
  var product: String
  var production: String
  var dut: String
  var factory: String
  var fixture: String
}

/// Checks an error response: status, code, and all four members in every entry.
func expectError(
  _ answer: Answer, _ status: Int, _ code: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(answer.status == status, "\(answer.json.jsonText())", sourceLocation: sourceLocation)
  let errors = answer.json["errors"]?.arrayValue ?? []
  #expect(!errors.isEmpty, "no errors member", sourceLocation: sourceLocation)
  let codes = errors.compactMap { $0["code"]?.stringValue }
  #expect(codes.contains(code), "codes \(codes)", sourceLocation: sourceLocation)
  for error in errors {
    for member in ["status", "title", "detail", "code"] {
      let value = error[member]?.stringValue ?? ""
      #expect(value.count > 0, "missing \(member)", sourceLocation: sourceLocation)
    }
  }
  #expect(answer.headers["Content-Type"] == "application/vnd.api+json")
}
