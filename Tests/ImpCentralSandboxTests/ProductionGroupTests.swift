import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

@Suite struct ProductionGroupTests {
  private func create(
    _ harness: Harness, _ type: DeviceGroupType, _ name: String, product: String,
    relationships: [String: JSONValue] = [:], attributes: [String: JSONValue] = [:]
  ) -> Answer {
    var related = relationships
    related["product"] = Harness.ref("product", product)
    var attributes = attributes
    attributes["name"] = .string(name)
    return harness.call(
      .post, "/devicegroups", Harness.document(type.apiType, .object(attributes), related))
  }

  @Test func productionFamilyGroupsAreCreated() throws {
    let harness = try Harness()
    let product = try harness.product()
    for type in [DeviceGroupType.production, .dut, .preProduction, .preDUT] {
      let answer = create(harness, type, type.name, product: product)
      #expect(answer.status == 201)
      #expect(answer.data["type"]?.stringValue == type.apiType)
    }
    let production = create(
      harness, .production, "P2", product: product, attributes: ["region": "eu"])
    #expect(production.attributes["load_code_after_blessing"] == true)
    #expect(production.attributes["region"] == "eu")
  }

  @Test func accountWithoutProductionFeaturesGetsInvalidPermission() throws {
    let harness = try Harness()
    let start = harness.call(
      .post, "/auth", ["id": "twofactor", "password": "twofactor"], token: "")
    let loginToken = try #require(
      start.json["errors"]?.arrayValue?.first?["meta"]?["login_token"]?.stringValue)
    let token = try #require(
      harness.call(
        .post, "/auth", ["login_token": .string(loginToken)],
        headers: ["X-Electricimp-OTP-Token": "123456"], token: ""
      ).json["access_token"]?.stringValue)
    let product = harness.call(
      .post, "/products", Harness.document("product", ["name": "P"]), token: token)
    let answer = harness.call(
      .post, "/devicegroups",
      Harness.document(
        "production_devicegroup", ["name": "G"], ["product": Harness.ref("product", product.id)]),
      token: token)
    expectError(answer, 403, "PX001")
    #expect(answer.json["errors"]?.arrayValue?.first?["title"] == "Invalid Permission")
  }

  @Test func fixtureNeedsBothTargets() throws {
    let harness = try Harness()
    let product = try harness.product()
    let production = try harness.group(.production, "P", product: product)
    let dut = try harness.group(.dut, "D", product: product)
    let noProduction = create(
      harness, .factory, "F", product: product,
      relationships: ["dut_target": Harness.ref("dut_devicegroup", dut)])
    expectError(noProduction, 400, "VX008")
    let noDUT = create(
      harness, .factory, "F", product: product,
      relationships: ["production_target": Harness.ref("production_devicegroup", production)])
    expectError(noDUT, 400, "VX008")
    let both = create(
      harness, .factory, "F", product: product,
      relationships: [
        "production_target": Harness.ref("production_devicegroup", production),
        "dut_target": Harness.ref("dut_devicegroup", dut),
      ])
    #expect(both.status == 201)
    #expect(both.data["relationships"]?["production_target"]?["id"]?.stringValue == production)
    #expect(both.data["relationships"]?["dut_target"]?["type"] == "dut_devicegroup")
  }

  @Test func fixtureTargetsMustHaveTheRightTypeAndProduct() throws {
    let harness = try Harness()
    let product = try harness.product()
    let preProduction = try harness.group(.preProduction, "PP", product: product)
    let preDUT = try harness.group(.preDUT, "PD", product: product)
    let production = try harness.group(.production, "P", product: product)
    let dut = try harness.group(.dut, "D", product: product)
    let wrongType = create(
      harness, .factory, "F", product: product,
      relationships: [
        "production_target": Harness.ref("pre_production_devicegroup", preProduction),
        "dut_target": Harness.ref("dut_devicegroup", dut),
      ])
    expectError(wrongType, 400, "VX009")
    let lyingType = create(
      harness, .factory, "F", product: product,
      relationships: [
        "production_target": Harness.ref("production_devicegroup", preProduction),
        "dut_target": Harness.ref("dut_devicegroup", dut),
      ])
    expectError(lyingType, 400, "VX009")
    let otherProduct = try harness.product("Other")
    let foreign = create(
      harness, .factory, "F", product: otherProduct,
      relationships: [
        "production_target": Harness.ref("production_devicegroup", production),
        "dut_target": Harness.ref("dut_devicegroup", dut),
      ])
    expectError(foreign, 400, "VX009")
    let preFactory = create(
      harness, .preFactory, "PF", product: product,
      relationships: [
        "production_target": Harness.ref("pre_production_devicegroup", preProduction),
        "dut_target": Harness.ref("pre_dut_devicegroup", preDUT),
      ])
    #expect(preFactory.status == 201)
  }

  @Test func targetsAreRefusedOnOtherTypes() throws {
    let harness = try Harness()
    let product = try harness.product()
    let production = try harness.group(.production, "P", product: product)
    let dut = try harness.group(.dut, "D", product: product)
    let onDevelopment = create(
      harness, .development, "G", product: product,
      relationships: ["production_target": Harness.ref("production_devicegroup", production)])
    expectError(onDevelopment, 400, "VX009")
    let productionUpdate = harness.call(
      .patch, "/devicegroups/\(production)",
      Harness.document(
        "production_devicegroup", [:],
        ["production_target": Harness.ref("production_devicegroup", production)]))
    expectError(productionUpdate, 400, "VX009")
    let dutUpdate = harness.call(
      .patch, "/devicegroups/\(dut)",
      Harness.document("dut_devicegroup", [:], ["dut_target": Harness.ref("dut_devicegroup", dut)]))
    expectError(dutUpdate, 400, "VX009")
  }

  @Test func loadCodeAfterBlessingOnlyOnProductionFamily() throws {
    let harness = try Harness()
    let line = try harness.factoryLine()
    let production = harness.call(
      .patch, "/devicegroups/\(line.production)",
      Harness.document(
        "production_devicegroup",
        ["name": "P2", "description": "d", "load_code_after_blessing": false]))
    #expect(production.attributes["load_code_after_blessing"] == false)
    let fixture = harness.call(
      .patch, "/devicegroups/\(line.factory)",
      Harness.document("factoryfixture_devicegroup", ["load_code_after_blessing": false]))
    expectError(fixture, 400, "VX006")
    let dut = harness.call(
      .patch, "/devicegroups/\(line.dut)",
      Harness.document("dut_devicegroup", ["name": "D2", "description": "d"]))
    #expect(dut.status == 200)
  }

  @Test func fixtureTargetsCanBeChanged() throws {
    let harness = try Harness()
    let line = try harness.factoryLine()
    let production2 = try harness.group(.production, "P2", product: line.product)
    let answer = harness.call(
      .patch, "/devicegroups/\(line.factory)",
      Harness.document(
        "factoryfixture_devicegroup", ["name": "F2", "description": "x"],
        ["production_target": Harness.ref("production_devicegroup", production2)]))
    #expect(answer.status == 200)
    #expect(answer.data["relationships"]?["production_target"]?["id"]?.stringValue == production2)
    #expect(answer.data["relationships"]?["dut_target"]?["id"]?.stringValue == line.dut)
  }

  @Test func targetGroupCannotBeDeletedWhileTargeted() throws {
    let harness = try Harness()
    let line = try harness.factoryLine()
    expectError(harness.call(.delete, "/devicegroups/\(line.production)"), 409, "CX007")
    expectError(harness.call(.delete, "/devicegroups/\(line.dut)"), 409, "CX007")
    let unassign = harness.call(
      .delete, "/devicegroups/\(line.factory)/relationships/devices",
      Harness.devices([line.fixture]))
    #expect(unassign.status == 204)
    for group in [line.factory, line.production, line.dut] {
      #expect(harness.call(.delete, "/devicegroups/\(group)").status == 204)
    }
    #expect(harness.call(.delete, "/products/\(line.product)").status == 204)
  }
}
