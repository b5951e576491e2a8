import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

@Suite struct DeploymentTests {
  private func minSupported(_ harness: Harness, _ group: String, _ deployment: String) -> Answer {
    harness.call(
      .put, "/devicegroups/\(group)/relationships/min_supported_deployment",
      ["data": Harness.ref("deployment", deployment)])
  }

  @Test func createShowsCodeShaAndGroup() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let answer = harness.call(
      .post, "/deployments",
      Harness.document(
        "deployment",
        [
          "device_code": "d", "agent_code": "a", "flagged": true, "tags": ["b", "a"],
          "origin": "ci",
        ],
        ["devicegroup": Harness.ref("development_devicegroup", group)]))
    #expect(answer.status == 201)
    #expect(answer.data["type"] == "deployment")
    #expect(answer.attributes["sha"]?.stringValue == SHA256.hex("a\u{0}d"))
    #expect(answer.attributes["tags"] == ["b", "a"])
    #expect(answer.attributes["origin"] == "ci")
    #expect(answer.data["relationships"]?["devicegroup"]?["id"]?.stringValue == group)
    #expect(answer.data["relationships"]?["flagger"]?["id"]?.stringValue == harness.accountID)
    let same = try harness.deploy(group, device: "d", agent: "a")
    #expect(
      harness.call(.get, "/deployments/\(same)").attributes["sha"] == answer.attributes["sha"])
  }

  @Test func firstDeploymentIsCurrentAndMinSupportedNewestIsCurrent() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let first = try harness.deploy(group)
    let second = try harness.deploy(group)
    let shown = harness.call(.get, "/devicegroups/\(group)").data["relationships"]
    #expect(shown?["current_deployment"]?["id"]?.stringValue == second)
    #expect(shown?["min_supported_deployment"]?["id"]?.stringValue == first)
  }

  @Test(
    arguments: [
      (["device_code": "", "agent_code": "", "colour": "x"] as JSONValue, "VX004"),
      (["device_code": ""], "VX005"),
      (["device_code": "", "agent_code": "", "tags": ["bad tag"]], "VX006"),
      (["device_code": "", "agent_code": "", "flagged": "yes"], "VX006"),
      (["device_code": 1, "agent_code": ""], "VX006"),
      (["device_code": "server.log(\"x\"", "agent_code": ""], "CX005"),
    ] as [(JSONValue, String)])
  func invalidCreatesAreRejected(attributes: JSONValue, code: String) throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let answer = harness.call(
      .post, "/deployments",
      Harness.document(
        "deployment", attributes, ["devicegroup": Harness.ref("development_devicegroup", group)]))
    expectError(answer, 400, code)
    #expect(harness.call(.get, "/deployments").items.isEmpty)
  }

  @Test func compilationErrorsPointAtTheFileAndPlace() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let answer = harness.call(
      .post, "/deployments",
      Harness.document(
        "deployment", ["device_code": "function f() {\n  return 1;\n", "agent_code": ""],
        ["devicegroup": Harness.ref("development_devicegroup", group)]))
    let meta = answer.json["errors"]?.arrayValue?.first?["meta"]?.arrayValue?.first
    #expect(meta?["file"] == "device_code")
    #expect(meta?["row"] == 1)
    #expect(meta?["column"] == 14)
  }

  @Test func devicegroupTypeMustMatch() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let answer = harness.call(
      .post, "/deployments",
      Harness.document(
        "deployment", ["device_code": "", "agent_code": ""],
        ["devicegroup": Harness.ref("production_devicegroup", group)]))
    expectError(answer, 400, "VX009")
  }

  @Test func updateChangesDescriptionFlagAndTags() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let id = try harness.deploy(group, flagged: true)
    let answer = harness.call(
      .patch, "/deployments/\(id)",
      Harness.document(
        "deployment", ["description": "d", "flagged": false, "tags": ["test", "test2"]]))
    #expect(answer.attributes["flagged"] == false)
    #expect(answer.attributes["tags"] == ["test", "test2"])
    #expect(answer.attributes["description"] == "d")
    expectError(
      harness.raw(
        .patch, "/deployments/\(id)", body: #"{"data":{"type":"deployment","attributes":"x"}}"#),
      400, "VX002")
    expectError(
      harness.call(.patch, "/deployments/\(id)", Harness.document("deployment", ["origin": "x"])),
      400, "VX004")
    expectError(
      harness.call(.patch, "/deployments/\(group)", Harness.document("deployment", [:])),
      404, "NF001")
  }

  @Test func flaggedDeploymentCannotBeDeleted() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let old = try harness.deploy(group, flagged: true)
    _ = try harness.deploy(group)
    #expect(minSupported(harness, group, try harness.deploy(group)).status == 204)
    let answer = harness.call(.delete, "/deployments/\(old)")
    expectError(answer, 409, "CX004")
    #expect(answer.json["errors"]?.arrayValue?.first?["title"] == "Resource Flagged")
  }

  @Test func minSupportedAndNewerCannotBeDeleted() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let first = try harness.deploy(group)
    let second = try harness.deploy(group)
    expectError(harness.call(.delete, "/deployments/\(first)"), 409, "CX008")
    expectError(harness.call(.delete, "/deployments/\(second)"), 409, "CX008")
    #expect(minSupported(harness, group, second).status == 204)
    #expect(harness.call(.delete, "/deployments/\(first)").status == 204)
    expectError(harness.call(.delete, "/deployments/\(first)"), 404, "NF001")
  }

  @Test func minSupportedMustBelongToGroupAndNotGoBack() throws {
    let harness = try Harness()
    let product = try harness.product()
    let group = try harness.group(.development, "G", product: product)
    let other = try harness.group(.development, "H", product: product)
    let first = try harness.deploy(group)
    let second = try harness.deploy(group)
    let foreign = try harness.deploy(other)
    expectError(minSupported(harness, group, foreign), 400, "VX009")
    #expect(minSupported(harness, group, second).status == 204)
    expectError(minSupported(harness, group, first), 409, "CX013")
    expectError(minSupported(harness, group, "nope"), 404, "NF001")
  }

  @Test func racingMinSupportedDoesNotBlockOlderDelete() async throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let first = try harness.deploy(group)
    let second = try harness.deploy(group)
    #expect(minSupported(harness, group, second).status == 204)
    let third = try harness.deploy(group)
    async let put = Task.detached { minSupported(harness, group, third).status }.value
    async let delete = Task.detached { harness.call(.delete, "/deployments/\(first)").status }.value
    #expect(await put == 204)
    #expect(await delete == 204)
    expectError(harness.call(.delete, "/deployments/\(first)"), 404, "NF001")
  }

  @Test func groupWithUnflaggedDeploymentsCanBeDeleted() throws {
    let harness = try Harness()
    let product = try harness.product()
    let group = try harness.group(.development, "G", product: product)
    _ = try harness.deploy(group)
    _ = try harness.deploy(group)
    #expect(harness.call(.delete, "/devicegroups/\(group)").status == 204)
    #expect(harness.call(.delete, "/products/\(product)").status == 204)
  }
}
