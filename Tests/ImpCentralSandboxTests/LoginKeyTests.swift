import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

@Suite struct LoginKeyTests {
  private let password = ["X-Electricimp-Password": "sandbox"]

  private func create(_ harness: Harness, _ description: String = "test description") -> Answer {
    harness.call(
      .post, "/accounts/me/login_keys",
      ["data": ["type": "login_key", "attributes": ["description": .string(description)]]],
      headers: password)
  }

  @Test func keyLifecycleFollowsTheSpec() throws {
    let harness = try Harness()
    let created = create(harness)
    #expect(created.status == 201)
    #expect(created.data["type"] == "login_key")
    #expect(created.attributes["description"] == "test description")
    let key = created.id
    #expect(key.count == 16)

    #expect(harness.call(.get, "/accounts/me/login_keys").items.count == 1)
    let page = harness.call(
      .get, "/accounts/me/login_keys", query: [("page[number]", "1"), ("page[size]", "1")])
    #expect(page.items.count == 1)
    #expect(
      harness.call(.get, "/accounts/me/login_keys/\(key)").attributes["description"]
        == "test description")

    let renamed = harness.call(
      .patch, "/accounts/me/login_keys/\(key)",
      ["data": ["type": "login_key", "id": .string(key), "attributes": ["description": "new"]]],
      headers: password)
    #expect(renamed.attributes["description"] == "new")

    let exchanged = harness.call(.post, "/auth/token", ["key": .string(key)], token: "")
    #expect(exchanged.status == 200)
    #expect(harness.call(.get, "/accounts/me/login_keys/\(key)").attributes["usages"] == 1)

    #expect(
      harness.call(.delete, "/accounts/me/login_keys/\(key)", headers: password).status == 204)
    expectError(
      harness.call(.delete, "/accounts/me/login_keys/\(key)", headers: password), 404, "NF001")
    expectError(harness.call(.post, "/auth/token", ["key": .string(key)], token: ""), 404, "NF003")
  }

  @Test(arguments: [[:], ["X-Electricimp-Password": "wrong"]])
  func changesNeedTheAccountPassword(headers: [String: String]) throws {
    let harness = try Harness()
    let body: JSONValue = ["data": ["type": "login_key", "attributes": [:]]]
    expectError(
      harness.call(.post, "/accounts/me/login_keys", body, headers: headers), 403, "PX002")
    let key = create(harness).id
    expectError(
      harness.call(.patch, "/accounts/me/login_keys/\(key)", body, headers: headers), 403,
      "PX002")
    expectError(
      harness.call(.delete, "/accounts/me/login_keys/\(key)", headers: headers), 403, "PX002")
    #expect(harness.call(.get, "/accounts/me/login_keys").items.count == 1)
  }

  @Test func accountLimitIsEnforced() throws {
    let harness = try Harness()
    for index in 0..<10 { #expect(create(harness, "key \(index)").status == 201) }
    let refused = create(harness, "one too many")
    expectError(refused, 409, "CX012")
    #expect(refused.json["errors"]?.arrayValue?.first?["title"] == "Account Limit Reached")
  }

  @Test func unknownAttributeAndUnknownKeyAreRejected() throws {
    let harness = try Harness()
    let key = create(harness).id
    let bad = harness.call(
      .patch, "/accounts/me/login_keys/\(key)",
      ["data": ["type": "login_key", "attributes": ["name": "x"]]], headers: password)
    expectError(bad, 400, "VX004")
    expectError(harness.call(.get, "/accounts/me/login_keys/\(harness.accountID)"), 404, "NF001")
    expectError(
      harness.call(.patch, "/products/\(key)123", ["data": ["type": "product"]]), 404, "NF001")
  }
}
