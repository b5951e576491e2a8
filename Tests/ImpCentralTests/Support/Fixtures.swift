import Foundation

@testable import ImpCentral

/// Realistic documents and helpers for building scripted answers.
enum Fixtures {
  static let accountID = "c1d61eef-d544-4d09-c8dc-d43e6742cae3"
  static let productID = "4e264cef-3316-cdfa-7f39-7a5d458994b3"
  static let groupID = "b8c8d2a4-31a0-1c11-7d33-0f2c12e2a611"
  static let deploymentID = "7c1a9e2b-7d34-4b5c-a1a4-2c8f6e0c5d10"
  static let deviceID = "234776801163a9ee"
  static let loginKey = "7d8e6670aa285e9d"
  static let accessToken = "access-token-0123456789"
  static let refreshToken = "d59a1cc0aa77c0e08a5d7e85b6f1c9d2a5b8e4f7c3d1a9b2e6f0c4d8a2b19143"

  /// A JSON response.
  static func response(
    _ status: Int, _ json: JSONValue, headers: HTTPHeaders = HTTPHeaders()
  ) -> HTTPResponse {
    var headers = headers
    headers["Content-Type"] = "application/vnd.api+json"
    return HTTPResponse(status: status, headers: headers, body: json.encoded())
  }

  /// A JSON response from literal text.
  static func response(_ status: Int, text: String) -> HTTPResponse {
    HTTPResponse(status: status, body: Data(text.utf8))
  }

  /// A scripted reply with a JSON body.
  static func reply(_ status: Int, _ json: JSONValue) -> FakeTransport.Reply {
    .response(response(status, json))
  }

  /// A scripted reply without a body.
  static func empty(_ status: Int = 204) -> FakeTransport.Reply {
    .response(HTTPResponse(status: status))
  }

  /// `{"data": resource}`.
  static func document(_ resource: JSONValue) -> JSONValue { ["data": resource] }

  /// An error document with one entry.
  static func errorDocument(
    _ status: Int, _ title: String, _ detail: String, code: String? = nil
  ) -> JSONValue {
    var entry: [String: JSONValue] = [
      "status": .string(String(status)), "title": .string(title), "detail": .string(detail),
    ]
    if let code { entry["code"] = .string(code) }
    return ["errors": [.object(entry)]]
  }

  static let product: JSONValue = [
    "type": "product", "id": .string(productID),
    "links": ["self": .string("https://api.electricimp.com/v5/products/\(productID)")],
    "attributes": [
      "name": "TestProduct", "description": "My test product",
      "created_at": "2018-07-22T11:27:49.633Z", "updated_at": "2018-07-22T11:27:49.633Z",
    ],
    "relationships": [
      "owner": ["type": "account", "id": .string(accountID)],
      "creator": ["type": "account", "id": .string(accountID)],
    ],
  ]

  static let productionGroup: JSONValue = [
    "type": "production_devicegroup", "id": .string(groupID),
    "attributes": [
      "name": "MyProductionDG", "description": "", "region": nil,
      "env_vars": ["dataSourceURL": "https://example.com/v1", "dataSourceAPIVersion": 1],
      "load_code_after_blessing": true,
      "created_at": "2018-07-22T11:30:00.000Z", "updated_at": "2018-07-22T11:30:00.000Z",
    ],
    "relationships": [
      "product": ["type": "product", "id": .string(productID)],
      "owner": ["type": "account", "id": .string(accountID)],
      "current_deployment": ["type": "deployment", "id": .string(deploymentID)],
      "min_supported_deployment": ["type": "deployment", "id": .string(deploymentID)],
    ],
  ]

  static let fixtureGroup: JSONValue = [
    "type": "factoryfixture_devicegroup", "id": "f1f1f1f1-0000-0000-0000-000000000001",
    "attributes": ["name": "MyFactoryDG"],
    "relationships": [
      "product": ["type": "product", "id": .string(productID)],
      "production_target": ["type": "production_devicegroup", "id": .string(groupID)],
      "dut_target": ["type": "dut_devicegroup", "id": "d0d0d0d0-0000-0000-0000-000000000002"],
    ],
  ]

  static let deployment: JSONValue = [
    "type": "deployment", "id": .string(deploymentID),
    "attributes": [
      "device_code": "server.log(\"Hello\");", "agent_code": "", "description": "RC1",
      "origin": "ci", "flagged": true, "tags": ["MyRC1", "v1.2.3"],
      "sha": "f4756c75e0c1a9b0c9f3d2e1a4b5c6d7e8f90123456789abcdef0123456789a3",
      "created_at": "2018-07-22T12:00:00.000Z", "updated_at": "2018-07-22T12:00:00.000Z",
    ],
    "relationships": [
      "devicegroup": ["type": "production_devicegroup", "id": .string(groupID)],
      "product": ["type": "product", "id": .string(productID)],
      "creator": ["type": "account", "id": .string(accountID)],
    ],
  ]

  static let device: JSONValue = [
    "type": "device", "id": .string(deviceID),
    "attributes": [
      "name": "bench-7", "mac_address": "0c:2a:69:05:0d:62", "agent_id": "T1oUmIZ3At_N",
      "agent_url": "https://agent.electricimp.com/T1oUmIZ3At_N", "device_online": true,
      "agent_running": true, "imp_type": "imp005", "ip_address": "10.0.0.7",
      "free_memory": 83_712, "rssi": -53, "plan_id": "",
      "swversion": "1ae4c87 - release-36.13 - Wed Dec 20 10:52:30 2017 - production",
      "device_state_changed_at": "2018-07-22T12:10:00.000Z",
      "last_enrolled_at": "2018-07-20T09:00:00.000Z",
    ],
    "relationships": [
      "devicegroup": ["type": "development_devicegroup", "id": .string(groupID)],
      "owner": ["type": "account", "id": .string(accountID)],
    ],
  ]

  static let webhook: JSONValue = [
    "type": "webhook", "id": "0a0b0c0d-1111-2222-3333-444455556666",
    "attributes": [
      "url": "http://www.electricimp.test.com", "event": "blessing",
      "content_type": "application/x-www-form-urlencoded",
    ],
    "relationships": [
      "devicegroup": ["type": "production_devicegroup", "id": .string(groupID)]
    ],
  ]

  static let loginKeyResource: JSONValue = [
    "type": "login_key", "id": .string(loginKey),
    "attributes": ["description": "test description", "usages": 3],
  ]

  static let account: JSONValue = [
    "type": "account", "id": .string(accountID),
    "attributes": ["username": "factory", "email": "factory@example.com", "tier": "ent-1"],
  ]

  /// A successful `/auth` answer.
  static func tokens(
    access: String = accessToken, expiresAt: String = "2026-01-01T02:00:00.000Z",
    refresh: String? = refreshToken
  ) -> JSONValue {
    var body: [String: JSONValue] = [
      "access_token": .string(access), "expires_in": 3600, "expires_at": .string(expiresAt),
    ]
    if let refresh { body["refresh_token"] = .string(refresh) }
    return .object(body)
  }

  /// A page of a collection with absolute links.
  static func page(
    _ resources: [JSONValue], collection: String, number: Int, next: Int?
  ) -> JSONValue {
    let base = "https://api.electricimp.com/v5\(collection)"
    var links: [String: JSONValue] = [
      "self": .string("\(base)?page%5Bnumber%5D=\(number)&page%5Bsize%5D=100"),
      "first": .string("\(base)?page%5Bnumber%5D=1&page%5Bsize%5D=100"),
    ]
    if let next {
      links["next"] = .string("\(base)?page%5Bnumber%5D=\(next)&page%5Bsize%5D=100")
    }
    return ["data": .array(resources), "links": .object(links)]
  }

  /// A product resource with the given id and name.
  static func product(id: String, name: String) -> JSONValue {
    ["type": "product", "id": .string(id), "attributes": ["name": .string(name)]]
  }
}
