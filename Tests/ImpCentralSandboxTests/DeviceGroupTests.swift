import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

@Suite struct DeviceGroupTests {
  @Test func createEchoesAttributesAndEnvironmentVariables() throws {
    let harness = try Harness()
    let product = try harness.product()
    let env: JSONValue = ["dataSourceURL": "https://example.com/v1", "dataSourceAPIVersion": 1]
    let answer = harness.call(
      .post, "/devicegroups",
      Harness.document(
        "development_devicegroup", ["name": "G", "description": "D", "env_vars": env],
        ["product": Harness.ref("product", product)]))
    #expect(answer.status == 201)
    #expect(answer.data["type"] == "development_devicegroup")
    #expect(answer.attributes["env_vars"] == env)
    #expect(answer.attributes["load_code_after_blessing"] == nil)
    #expect(answer.data["relationships"]?["product"]?["id"]?.stringValue == product)
    #expect(answer.data["relationships"]?["current_deployment"] == nil)
    #expect(answer.text.contains("\"dataSourceAPIVersion\":1"))
  }

  @Test func duplicateNameInProductIsRefused() throws {
    let harness = try Harness()
    let product = try harness.product()
    _ = try harness.group(.development, "G", product: product)
    let answer = harness.call(
      .post, "/devicegroups",
      Harness.document(
        "development_devicegroup", ["name": "G"], ["product": Harness.ref("product", product)]))
    expectError(answer, 409, "CX001")
    #expect(
      answer.json["errors"]?.arrayValue?.first?["detail"]
        == "Devicegroups must have unique names.")
    let otherProduct = try harness.product("Other")
    _ = try harness.group(.development, "G", product: otherProduct)
  }

  @Test(
    arguments: [
      ("wrong_type", ["name": "G"] as JSONValue, "VX003"),
      ("development_devicegroup", ["name_": "G"], "VX004"),
      ("development_devicegroup", ["description": "no name"], "VX005"),
      ("development_devicegroup", ["name": "G", "env_vars": ["1bad": "x"]], "VX006"),
      ("development_devicegroup", ["name": "G", "env_vars": ["ok": ["nested": 1]]], "VX006"),
      ("development_devicegroup", ["name": "G", "load_code_after_blessing": true], "VX004"),
      ("development_devicegroup", ["name": "G", "region": "eu"], "VX006"),
      ("dut_devicegroup", ["name": "G", "region": "eu"], "VX006"),
    ] as [(String, JSONValue, String)])
  func invalidCreatesAreRejected(type: String, attributes: JSONValue, code: String) throws {
    let harness = try Harness()
    let product = try harness.product()
    let answer = harness.call(
      .post, "/devicegroups",
      Harness.document(type, attributes, ["product": Harness.ref("product", product)]))
    expectError(answer, 400, code)
    #expect(harness.call(.get, "/devicegroups").items.isEmpty)
  }

  @Test func productRelationshipIsRequiredAndChecked() throws {
    let harness = try Harness()
    let missing = harness.call(
      .post, "/devicegroups", Harness.document("development_devicegroup", ["name": "G"]))
    expectError(missing, 400, "VX008")
    let unknown = harness.call(
      .post, "/devicegroups",
      Harness.document(
        "development_devicegroup", ["name": "G"], ["product": Harness.ref("product", "nope")]))
    expectError(unknown, 404, "NF001")
    let standardLinkage = harness.call(
      .post, "/devicegroups",
      Harness.document(
        "development_devicegroup", ["name": "G"],
        ["product": ["data": Harness.ref("product", try harness.product())]]))
    #expect(standardLinkage.status == 201)
  }

  @Test func updateChangesNameDescriptionAndVariables() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let answer = harness.call(
      .patch, "/devicegroups/\(group)",
      [
        "data": [
          "type": "development_devicegroup", "id": .string(group),
          "attributes": ["name": "G2", "description": "D2", "env_vars": ["v": 2]],
        ]
      ])
    #expect(answer.status == 200)
    #expect(answer.attributes["name"] == "G2")
    #expect(answer.attributes["env_vars"] == ["v": 2])
    let unknown = harness.call(
      .patch, "/devicegroups/\(group)",
      Harness.document("development_devicegroup", ["colour": "red"]))
    expectError(unknown, 400, "VX004")
    let typeChange = harness.call(
      .patch, "/devicegroups/\(group)", Harness.document("production_devicegroup", [:]))
    expectError(typeChange, 409, "CX014")
    expectError(
      harness.call(
        .patch, "/devicegroups/\(try harness.product("P2"))",
        Harness.document("development_devicegroup", [:])), 404, "NF001")
  }

  @Test func groupWithDevicesCannotBeDeleted() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let device = try harness.sandbox.addDevices(count: 1)[0]
    try harness.assign([device.id], to: group)
    expectError(harness.call(.delete, "/devicegroups/\(group)"), 409, "CX006")
    let unassign = harness.call(
      .delete, "/devicegroups/\(group)/relationships/devices", Harness.devices([device.id]))
    #expect(unassign.status == 204)
    #expect(harness.call(.delete, "/devicegroups/\(group)").status == 204)
    expectError(harness.call(.delete, "/devicegroups/\(group)"), 404, "NF001")
  }

  @Test func groupWithFlaggedDeploymentCannotBeDeleted() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let deployment = try harness.deploy(group, flagged: true)
    let answer = harness.call(.delete, "/devicegroups/\(group)")
    expectError(answer, 409, "CX003")
    #expect(answer.json["errors"]?.arrayValue?.first?["title"] == "Flagged Deployments Exist")
    _ = harness.call(
      .patch, "/deployments/\(deployment)", Harness.document("deployment", ["flagged": false]))
    #expect(harness.call(.delete, "/devicegroups/\(group)").status == 204)
  }

  @Test func deletingGroupMakesZombiesAndDropsWebhooks() throws {
    let harness = try Harness()
    let product = try harness.product()
    let group = try harness.group(.development, "G", product: product)
    let deployment = try harness.deploy(group)
    let hook = try harness.webhook(
      group, type: .development, url: "http://example.test/x", event: "deployment")
    #expect(harness.call(.delete, "/devicegroups/\(group)").status == 204)
    let zombie = harness.call(.get, "/deployments/\(deployment)")
    #expect(zombie.data["relationships"]?["devicegroup"] == nil)
    #expect(zombie.data["relationships"]?["product"]?["id"]?.stringValue == product)
    expectError(harness.call(.get, "/webhooks/\(hook)"), 404, "NF001")
    let byProduct = harness.call(.get, "/deployments", query: [("filter[product.id]", product)])
    #expect(byProduct.items.count == 1)
    #expect(harness.call(.delete, "/products/\(product)").status == 204)
    #expect(harness.call(.delete, "/deployments/\(deployment)").status == 204)
  }

  @Test func restartsSucceedOnEmptyAndFilledGroups() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    #expect(harness.call(.post, "/devicegroups/\(group)/restart").status == 204)
    #expect(harness.call(.post, "/devicegroups/\(group)/conditional_restart").status == 204)
    expectError(harness.call(.post, "/devicegroups/nope/restart"), 404, "NF001")
  }
}
