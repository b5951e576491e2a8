import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

/// Names, descriptions and paths with control characters, which could drive a terminal
/// that prints them, are refused with an error document that never shows them raw.
@Suite struct ControlCharacterTests {
  /// One write that carries a control character, and where it was put.
  struct Case: Sendable, CustomTestStringConvertible {
    var method: HTTPMethod
    /// The path; `{product}`, `{group}`, `{device}` and `{deployment}` are filled in.
    var path: String
    var type: String
    var attribute: String
    var value: String
    var code: String

    var testDescription: String { "\(method.rawValue) \(path) \(attribute)" }
  }

  static let refused: [Case] = [
    Case(
      method: .post, path: "/products", type: "product", attribute: "name",
      value: "EVIL\u{1B}[2J\u{1B}[31mRED\u{07}", code: "U+001B"),
    Case(
      method: .patch, path: "/products/{product}", type: "product", attribute: "name",
      value: "tab\there", code: "U+0009"),
    Case(
      method: .patch, path: "/products/{product}", type: "product", attribute: "description",
      value: "bell\u{07}", code: "U+0007"),
    Case(
      method: .post, path: "/devicegroups", type: "development_devicegroup",
      attribute: "name", value: "del\u{7F}", code: "U+007F"),
    Case(
      method: .patch, path: "/devicegroups/{group}", type: "development_devicegroup",
      attribute: "name", value: "two\nlines", code: "U+000A"),
    Case(
      method: .patch, path: "/devicegroups/{group}", type: "development_devicegroup",
      attribute: "description", value: "nul\u{0}", code: "U+0000"),
    Case(
      method: .patch, path: "/devices/{device}", type: "device", attribute: "name",
      value: "csi\u{9B}2J", code: "U+009B"),
    Case(
      method: .patch, path: "/deployments/{deployment}", type: "deployment",
      attribute: "description", value: "\u{1B}]0;title\u{07}", code: "U+001B"),
  ]

  private func fill(_ path: String, _ harness: Harness) throws -> (String, [String: String]) {
    let product = try harness.product()
    let group = try harness.group(.development, "G", product: product)
    let device = try harness.sandbox.addDevices(count: 1)[0].id
    let deployment = try harness.deploy(group)
    let ids = ["product": product, "group": group, "device": device, "deployment": deployment]
    var filled = path
    for (name, id) in ids { filled = filled.replacingOccurrences(of: "{\(name)}", with: id) }
    return (filled, ids)
  }

  private func body(_ item: Case, ids: [String: String]) -> JSONValue {
    var data: [String: JSONValue] = [
      "type": .string(item.type), "attributes": [item.attribute: .string(item.value)],
    ]
    if item.method == .post, item.type.hasSuffix("devicegroup") {
      data["attributes"] = ["name": .string(item.value)]
      data["relationships"] = ["product": Harness.ref("product", ids["product"] ?? "")]
    }
    if item.method == .patch { data["id"] = .string(String(item.path.split(separator: "/")[1])) }
    return ["data": .object(data)]
  }

  @Test("control characters in names and descriptions are refused", arguments: refused)
  func controlCharactersAreRefused(item: Case) throws {
    let harness = try Harness()
    let (path, ids) = try fill(item.path, harness)
    var filled = item
    filled.path = path
    let answer = harness.call(item.method, path, body(filled, ids: ids))
    expectError(answer, 400, "VX017")
    let detail = answer.detail
    #expect(detail.contains("'\(item.attribute)'"))
    #expect(detail.contains(item.code))
    #expect(!detail.unicodeScalars.contains(where: TextRule.isControl))
    #expect(
      harness.call(.get, "/products").items.allSatisfy { $0["attributes"]?["name"] == "Product" })
  }

  @Test func descriptionsKeepLineBreaksAndTabs() throws {
    let harness = try Harness()
    let text = "first line\nsecond\tcolumn\r\nthird"
    let answer = harness.call(
      .post, "/products",
      Harness.document("product", ["name": "Notes", "description": .string(text)]))
    #expect(answer.status == 201)
    #expect(answer.attributes["description"]?.stringValue == text)
  }

  @Test func printableUnicodeNamesAreAccepted() throws {
    let harness = try Harness()
    let answer = harness.call(
      .post, "/products", Harness.document("product", ["name": "Café ☕ 製品 #1"]))
    #expect(answer.status == 201)
  }

  @Test func loginKeyDescriptionsRefuseControlCharacters() throws {
    let harness = try Harness()
    let answer = harness.call(
      .post, "/accounts/me/login_keys",
      Harness.document("login_key", ["description": "key\u{1B}[8m"]),
      headers: ["X-Electricimp-Password": "sandbox"])
    expectError(answer, 400, "VX017")
    #expect(harness.call(.get, "/accounts/me/login_keys").items.isEmpty)
  }

  @Test func simulatedDeviceNamePrefixRefusesControlCharacters() throws {
    let harness = try Harness()
    #expect {
      try harness.sandbox.addDevices(count: 1, namePrefix: "rig\u{1B}[2J")
    } throws: { error in
      guard let error = error as? SandboxError else { return false }
      return error.code == .invalidArgument && error.message.contains("U+001B")
        && !error.message.contains("\u{1B}") && error.help != nil
    }
    #expect(harness.call(.get, "/devices").items.isEmpty)
  }
}
