import ImpCentral

@testable import ImptLanguage

/// Entities of every kind for tests, projected through `EntitySchema` as the real client's
/// would be.
enum Fixtures {
  static func entity(
    _ type: String, _ id: String, _ attributes: [String: JSONValue] = [:],
    _ relationships: [String: ResourceRef] = [:]
  ) -> Entity {
    let resource = ResourceObject(
      type: type, id: id, attributes: attributes, relationships: relationships)
    guard let entity = Entity(resource: resource) else {
      preconditionFailure("fixture '\(type)' has no entity kind")
    }
    return entity
  }

  static let me = entity("account", "me", ["username": "ada", "email": "ada@example.com"])

  static let product = entity(
    "product", "p1", ["name": "MyProduct", "description": "My product"],
    ["owner": ResourceRef(type: "account", id: "me")])

  static let productionGroup = group("dg1", "MyProductionDG", type: "production_devicegroup")
  static let factoryGroup = group("dg2", "MyFactoryDG", type: "factoryfixture_devicegroup")
  static let developmentGroup = group("dg3", "Dev", type: "development_devicegroup")
  static let groups = [productionGroup, factoryGroup, developmentGroup]

  static func group(_ id: String, _ name: String, type: String) -> Entity {
    entity(
      type, id, ["name": .string(name), "description": ""],
      ["product": ResourceRef(type: "product", id: "p1")])
  }

  /// Six devices: d1–d4 in the production group (d1 and d3 offline), d5 in the factory
  /// group, d6 unassigned.
  static let devices: [Entity] = [
    device("d1", "hall", mac: "0c:2a:69:00:00:01", online: false, rssi: -70, group: "dg1"),
    device("d2", "kitchen", mac: "0c:2a:69:00:00:02", online: true, rssi: -40, group: "dg1"),
    device("d3", "attic", mac: "0c:2a:69:00:00:03", online: false, rssi: -55, group: "dg1"),
    device("d4", "garage", mac: "0c:2a:69:00:00:04", online: true, rssi: -65, group: "dg1"),
    device("d5", "fixture", mac: "0c:2a:69:00:00:05", online: true, rssi: -30, group: "dg2"),
    device("d6", "spare", mac: "0c:2a:69:00:00:06", online: false, rssi: -80, group: nil),
  ]

  static func device(
    _ id: String, _ name: String, mac: String, online: Bool, rssi: Double, group: String?
  ) -> Entity {
    var relationships: [String: ResourceRef] = [:]
    if let group {
      relationships["devicegroup"] = ResourceRef(type: "production_devicegroup", id: group)
    }
    return entity(
      "device", id,
      [
        "name": .string(name), "mac_address": .string(mac), "device_online": .bool(online),
        "rssi": .number(rssi), "agent_id": .string("agent-\(id)"),
      ], relationships)
  }

  static let builds: [Entity] = [
    entity(
      "deployment", "b1", ["sha": "aaa", "tags": ["rc", "v1"], "flagged": true],
      ["devicegroup": ResourceRef(type: "production_devicegroup", id: "dg1")]),
    entity(
      "deployment", "b2", ["sha": "bbb", "tags": ["v2"], "flagged": false],
      ["devicegroup": ResourceRef(type: "production_devicegroup", id: "dg1")]),
  ]

  static let webhook = entity(
    "webhook", "w1",
    ["url": "http://127.0.0.1/hook", "event": "blessing", "content_type": "application/json"],
    ["devicegroup": ResourceRef(type: "production_devicegroup", id: "dg1")])

  static let loginKey = entity("login_key", "k1", ["description": "ci", "usages": 3])

  static let logEntries: [Entity] = [
    entity(
      "log", "l1", ["ts": "2026-01-01T00:00:00Z", "type": "status", "msg": "Device connected"]),
    entity("log", "l2", ["ts": "2026-01-01T00:00:01Z", "type": "server.log", "msg": "hello"]),
  ]
}
