import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

@Suite struct ProductTests {
  @Test func createShowsNameAndOwner() throws {
    let harness = try Harness()
    let answer = harness.call(
      .post, "/products", Harness.document("product", ["name": "P1", "description": "d"]))
    #expect(answer.status == 201)
    #expect(answer.data["type"] == "product")
    #expect(answer.attributes["name"] == "P1")
    #expect(answer.attributes["created_at"] == "2026-01-01T00:00:00.000Z")
    #expect(answer.data["relationships"]?["owner"]?["id"]?.stringValue == harness.accountID)
    #expect(answer.data["relationships"]?["owner"]?["type"] == "account")
    #expect(answer.data["links"]?["self"]?.stringValue == "\(Harness.base)/products/\(answer.id)")
    #expect(harness.call(.get, "/products/\(answer.id)").attributes["name"] == "P1")
  }

  @Test func duplicateNameIsRefused() throws {
    let harness = try Harness()
    _ = try harness.product("Same")
    let answer = harness.call(.post, "/products", Harness.document("product", ["name": "Same"]))
    expectError(answer, 409, "CX001")
    #expect(answer.json["errors"]?.arrayValue?.first?["title"] == "Duplicate Resource")
    #expect(
      answer.json["errors"]?.arrayValue?.first?["detail"] == "Products must have unique names.")
    let other = try harness.product("Other")
    let rename = harness.call(
      .patch, "/products/\(other)", Harness.document("product", ["name": "Same"]))
    expectError(rename, 409, "CX001")
  }

  @Test func conflictStatusCanBeSwitchedTo400() throws {
    let harness = try Harness(configuration: SandboxConfiguration(conflictStatus: 400))
    _ = try harness.product("Same")
    let answer = harness.call(.post, "/products", Harness.document("product", ["name": "Same"]))
    expectError(answer, 400, "CX001")
    #expect(answer.json["errors"]?.arrayValue?.first?["status"] == "400")
  }

  @Test(
    arguments: [
      (["description": "only"] as JSONValue, "VX005"),
      (["name": "x", "colour": "red"], "VX004"),
      (["name": 5], "VX006"),
      (["name": ""], "VX006"),
      ("not an object", "VX002"),
    ] as [(JSONValue, String)])
  func invalidAttributesAreRejected(attributes: JSONValue, code: String) throws {
    let harness = try Harness()
    expectError(
      harness.call(.post, "/products", Harness.document("product", attributes)), 400, code)
    #expect(harness.call(.get, "/products").items.isEmpty)
  }

  @Test func ownerMustBeTheCaller() throws {
    let harness = try Harness()
    let other = try harness.sandbox.perform(write: false) { tx in
      try tx.db.account(login: "twofactor")?.id ?? ""
    }
    let stranger = harness.call(
      .post, "/products",
      Harness.document("product", ["name": "X"], ["owner": Harness.ref("account", other)]))
    expectError(stranger, 403, "PX004")
    let foreign = harness.call(
      .post, "/products",
      Harness.document("product", ["name": "X"], ["owner": Harness.ref("account", "nobody")]))
    expectError(foreign, 404, "NF001")
    let mine = harness.call(
      .post, "/products",
      Harness.document(
        "product", ["name": "X"], ["owner": Harness.ref("account", harness.accountID)]))
    #expect(mine.status == 201)
  }

  @Test func updateChangesBothAttributes() throws {
    let harness = try Harness()
    let id = try harness.product("Old")
    harness.clock.advance(by: 5)
    let answer = harness.call(
      .patch, "/products/\(id)",
      [
        "data": [
          "type": "product", "id": .string(id), "attributes": ["name": "New", "description": "D"],
        ]
      ])
    #expect(answer.status == 200)
    #expect(answer.attributes["name"] == "New")
    #expect(answer.attributes["description"] == "D")
    #expect(answer.attributes["updated_at"] == "2026-01-01T00:00:05.000Z")
    expectError(
      harness.call(.patch, "/products/\(harness.accountID)", Harness.document("product", [:])),
      404, "NF001")
    let mismatch = harness.call(
      .patch, "/products/\(id)", ["data": ["type": "product", "id": "other", "attributes": [:]]])
    expectError(mismatch, 409, "CX015")
  }

  @Test func productWithGroupsCannotBeDeleted() throws {
    let harness = try Harness()
    let product = try harness.product()
    let group = try harness.group(.development, "G", product: product)
    let answer = harness.call(.delete, "/products/\(product)")
    expectError(answer, 409, "CX002")
    #expect(answer.json["errors"]?.arrayValue?.first?["title"] == "Dependent Devicegroups Exist")
    #expect(harness.call(.delete, "/devicegroups/\(group)").status == 204)
    #expect(harness.call(.delete, "/products/\(product)").status == 204)
    expectError(harness.call(.delete, "/products/\(product)"), 404, "NF001")
  }

  @Test func otherAccountsProductsAreInvisible() throws {
    let harness = try Harness()
    let product = try harness.product()
    let start = harness.call(
      .post, "/auth", ["id": "twofactor", "password": "twofactor"], token: "")
    let loginToken = try #require(
      start.json["errors"]?.arrayValue?.first?["meta"]?["login_token"]?.stringValue)
    let other = harness.call(
      .post, "/auth", ["login_token": .string(loginToken)],
      headers: ["X-Electricimp-OTP-Token": "123456"], token: "")
    let token = try #require(other.json["access_token"]?.stringValue)
    expectError(harness.call(.get, "/products/\(product)", token: token), 404, "NF001")
    #expect(harness.call(.get, "/products", token: token).items.isEmpty)
  }
}
