import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

@Suite struct RobustnessTests {
  static let paths = [
    "/products", "/products/x", "/devicegroups/x/relationships/devices", "/devices/%00",
    "/deployments/x", "/webhooks", "/logstream/x/y", "/accounts/me/login_keys/x",
    "/devicegroups/x/relationships/min_supported_deployment", "//", "/auth", "/auth/token",
    "/devices/x/logs", "/accounts/me/refresh_tokens/x", "/devicegroups/x/restart",
  ]

  static let bodies = [
    "", "{}", "null", "[1,2]", #"{"data":null}"#, #"{"data":{"type":5}}"#,
    #"{"data":{"type":"product","attributes":{"name":["x"]}}}"#, "{\"data\":\"\u{7f}\"}",
    String(repeating: "[", count: 600), #"{"data":[{"type":"device","id":""}]}"#,
    #"{"id":"sandbox","password":null}"#, #"{"data":{"type":"deployment","relationships":7}}"#,
  ]

  @Test func garbageNeverCrashesAndAlwaysGetsAnErrorDocument() throws {
    let harness = try Harness()
    for path in Self.paths {
      for method in HTTPMethod.allCases {
        for body in Self.bodies {
          let answer = harness.raw(method, path, body: body)
          if (200..<300).contains(answer.status) { continue }
          let errors = answer.json["errors"]?.arrayValue ?? []
          #expect(!errors.isEmpty, "\(method) \(path) \(body): \(answer.text)")
          for error in errors {
            let members = ["status", "title", "detail", "code"].compactMap {
              error[$0]?.stringValue
            }
            #expect(members.count == 4, "\(method) \(path): \(answer.text)")
          }
        }
      }
    }
  }

  @Test func concurrentWritersAllSucceed() async throws {
    let harness = try Harness()
    let ids = try await withThrowingTaskGroup(of: [String].self) { group in
      for worker in 0..<8 {
        group.addTask {
          try (0..<20).map { index in try harness.product("w\(worker)-\(index)") }
        }
      }
      return try await group.reduce(into: [String]()) { $0 += $1 }
    }
    #expect(Set(ids).count == 160)
    let listed = harness.call(.get, "/products", query: [("page[size]", "100")])
    #expect(listed.items.count == 100)
    #expect(listed.json["links"]?["next"] != nil)
  }
}
