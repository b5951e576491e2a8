import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

@Suite struct PagingTests {
  @Test func pagesWalkTheWholeListInStableOrder() throws {
    let harness = try Harness()
    let devices = try harness.sandbox.addDevices(count: 45)
    var seen: [String] = []
    var number = 1
    while true {
      let page = harness.call(
        .get, "/devices", query: [("page[number]", String(number)), ("page[size]", "20")])
      seen += page.items.compactMap { $0["id"]?.stringValue }
      guard page.json["links"]?["next"] != nil else { break }
      number += 1
    }
    #expect(number == 3)
    #expect(seen == devices.map(\.id).sorted())
  }

  @Test func linksAreAbsoluteAndKeepTheFilters() throws {
    let harness = try Harness()
    _ = try harness.sandbox.addDevices(count: 3)
    let owner = harness.accountID
    let page = harness.call(
      .get, "/devices",
      query: [("filter[owner.id]", owner), ("page[size]", "1"), ("page[number]", "2")])
    let links = page.json["links"]
    let prefix = "\(Harness.base)/devices?filter%5Bowner.id%5D=\(owner)"
    #expect(links?["self"]?.stringValue == prefix + "&page%5Bsize%5D=1&page%5Bnumber%5D=2")
    #expect(links?["first"]?.stringValue == prefix + "&page%5Bnumber%5D=1&page%5Bsize%5D=1")
    #expect(links?["next"]?.stringValue == prefix + "&page%5Bnumber%5D=3&page%5Bsize%5D=1")
    let last = harness.call(.get, "/devices", query: [("page[size]", "1"), ("page[number]", "3")])
    #expect(last.json["links"]?["next"] == nil)
    #expect(last.json["links"]?["self"] != nil)
    let empty = harness.call(.get, "/products")
    #expect(empty.items.isEmpty)
    #expect(empty.json["links"]?["self"]?.stringValue == "\(Harness.base)/products")
  }

  @Test func defaultPageSizeIsTwenty() throws {
    let harness = try Harness()
    _ = try harness.sandbox.addDevices(count: 25)
    #expect(harness.call(.get, "/devices").items.count == 20)
    #expect(
      harness.call(.get, "/devices", query: [("page[number]", "2")]).items.count == 5)
  }

  @Test(
    arguments: [
      ("page[size]", "0"), ("page[size]", "101"), ("page[size]", "x"), ("page[number]", "0"),
      ("page[number]", "-1"), ("page[offset]", "1"), ("page[number]", "9223372036854775807"),
      ("page[number]", "1.5"),
    ])
  func invalidPagingIsRejected(name: String, value: String) throws {
    let harness = try Harness()
    expectError(harness.call(.get, "/products", query: [(name, value)]), 400, "VX011")
  }

  @Test func percentEncodedParameterNamesWork() throws {
    let harness = try Harness()
    _ = try harness.sandbox.addDevices(count: 3)
    let page = harness.call(.get, "/devices", query: [("page%5Bsize%5D", "2")])
    #expect(page.items.count == 2)
  }
}

@Suite struct FilterTests {
  @Test(
    arguments: [
      ("/products", "filter[wrong_filter]", "x"),
      ("/devicegroups", "filter[type]", "wrong_type"),
      ("/devicegroups", "filter[name]", "x"),
      ("/devices", "filter[devicegroup.type]", "nope"),
      ("/devices", "filter[sha]", "x"),
      ("/deployments", "filter[flagged]", "maybe"),
      ("/deployments", "filter[tags]", "a b"),
      ("/webhooks", "filter[product.id]", "x"),
      ("/accounts", "filter[owner.id]", "x"),
      ("/accounts/me/login_keys", "filter[owner.id]", "x"),
      ("/products", "filter[owner.id]", ""),
      ("/products", "sort", "name"),
    ])
  func unknownFiltersAndBadValuesAreRejected(path: String, name: String, value: String) throws {
    let harness = try Harness()
    let answer = harness.call(.get, path, query: [(name, value)])
    #expect(answer.status == 400)
    #expect(["VX010", "VX013"].contains(answer.code ?? ""))
  }

  @Test func deviceFiltersCombine() throws {
    let harness = try Harness()
    let product = try harness.product()
    let group = try harness.group(.development, "G", product: product)
    let devices = try harness.sandbox.addDevices(count: 3)
    try harness.assign([devices[0].id], to: group)
    let owner = harness.accountID
    let all = harness.call(
      .get, "/devices",
      query: [
        ("filter[owner.id]", owner), ("filter[product.id]", product),
        ("filter[devicegroup.id]", group), ("filter[devicegroup.owner.id]", owner),
        ("filter[devicegroup.type]", "development_devicegroup"),
      ])
    #expect(all.items.compactMap { $0["id"]?.stringValue } == [devices[0].id])
    let unassigned = harness.call(
      .get, "/devices", query: [("filter[devicegroup.owner.id]", "null")])
    #expect(unassigned.items.count == 2)
  }

  @Test func deploymentFiltersSelect() throws {
    let harness = try Harness()
    let product = try harness.product()
    let group = try harness.group(.development, "G", product: product)
    let flagged = try harness.deploy(group, device: "1", flagged: true)
    let plain = try harness.deploy(group, device: "2")
    _ = harness.call(
      .patch, "/deployments/\(plain)", Harness.document("deployment", ["tags": ["rc", "v_1"]]))
    func ids(_ query: [(String, String)]) -> [String] {
      harness.call(.get, "/deployments", query: query).items.compactMap { $0["id"]?.stringValue }
    }
    #expect(ids([("filter[flagged]", "true")]) == [flagged])
    #expect(ids([("filter[flagged]", "false")]) == [plain])
    #expect(ids([("filter[flagged]", "any")]).count == 2)
    #expect(ids([("filter[tags]", "rc,v_1")]) == [plain])
    #expect(ids([("filter[tags]", "v")]).isEmpty)
    #expect(ids([("filter[flagger.id]", harness.accountID)]) == [flagged])
    let sha = harness.call(.get, "/deployments/\(plain)").attributes["sha"]?.stringValue ?? ""
    #expect(ids([("filter[sha]", sha)]) == [plain])
    #expect(ids([("filter[product.id]", product), ("filter[devicegroup.id]", group)]).count == 2)
    #expect(ids([("filter[creator.id]", harness.accountID), ("filter[owner.id]", "x")]).isEmpty)
  }

  @Test func groupFiltersSelect() throws {
    let harness = try Harness()
    let product = try harness.product()
    _ = try harness.group(.development, "G", product: product)
    _ = try harness.group(.production, "P", product: product)
    let query = [("filter[product.id]", product), ("filter[type]", "development_devicegroup")]
    #expect(harness.call(.get, "/devicegroups", query: query).items.count == 1)
    #expect(harness.call(.get, "/devicegroups", query: [("filter[product.id]", "x")]).items.isEmpty)
  }
}

@Suite struct BaseURLTests {
  @Test func baseURLCanChangeAfterStart() throws {
    let harness = try Harness()
    harness.sandbox.setBaseURL("http://127.0.0.1:8421/v5/")
    let product = harness.call(.post, "/products", Harness.document("product", ["name": "P"]))
    #expect(
      product.data["links"]?["self"]?.stringValue
        == "http://127.0.0.1:8421/v5/products/\(product.id)")
    #expect(harness.sandbox.configuration.baseURL == "http://127.0.0.1:8421/v5")
  }
}
