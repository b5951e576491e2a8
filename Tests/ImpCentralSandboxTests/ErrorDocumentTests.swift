import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

@Suite struct ErrorDocumentTests {
  @Test(
    arguments: [
      (HTTPMethod.post, "/products", "{not json", 400, "VX001"),
      (.post, "/products", "", 400, "VX002"),
      (.post, "/products", "[]", 400, "VX002"),
      (.post, "/products", #"{"data": []}"#, 400, "VX002"),
      (.post, "/products", #"{"data": {"attributes": {}}}"#, 400, "VX002"),
      (.post, "/products", #"{"data": {"type": "device", "attributes": {}}}"#, 400, "VX003"),
      (.post, "/products", #"{"data": {"type": "product", "attributes": 7}}"#, 400, "VX002"),
      (
        .post, "/products",
        #"{"data": {"type": "product", "id": "x", "attributes": {"name": "a"}}}"#, 400, "VX014"
      ),
      (
        .post, "/products",
        #"{"data": {"type": "product", "attributes": {"name": "a"}, "relationships": {"owner": 5}}}"#,
        400, "VX009"
      ),
      (
        .post, "/products",
        #"{"data": {"type": "product", "attributes": {"name": "a"}, "relationships": {"boss": {}}}}"#,
        400, "VX007"
      ),
      (.post, "/devicegroups", "null", 400, "VX002"),
      (.get, "/nothing/here", "", 404, "NF002"),
      (.get, "/", "", 404, "NF002"),
      (.put, "/products", "", 405, "VX016"),
      (.delete, "/devices", "", 405, "VX016"),
      (.post, "/auth", #"{"id": 1}"#, 400, "VX006"),
      (.post, "/auth", "\u{0}\u{1}", 400, "VX001"),
    ] as [(HTTPMethod, String, String, Int, String)])
  func malformedRequestsGetErrorDocuments(
    method: HTTPMethod, path: String, body: String, status: Int, code: String
  ) throws {
    let harness = try Harness()
    let answer = harness.raw(method, path, body: body)
    expectError(answer, status, code)
  }

  @Test func methodNotAllowedListsTheAllowedMethods() throws {
    let harness = try Harness()
    let answer = harness.call(.put, "/products")
    #expect(answer.headers["Allow"] == "GET, POST")
  }

  @Test func withoutALimitNoResponseClaimsOne() throws {
    let harness = try Harness()
    for answer in [harness.call(.get, "/products"), harness.call(.get, "/nope")] {
      #expect(answer.headers["Content-Type"] == "application/vnd.api+json")
      #expect(answer.headers["X-RateLimit-Limit"] == nil)
      #expect(answer.headers["X-RateLimit-Remaining"] == nil)
      #expect(answer.headers["X-RateLimit-Reset"] == nil)
    }
  }

  @Test func withALimitEveryResponseCarriesRateHeaders() throws {
    let limit = SandboxConfiguration.RateLimit(limit: 40, window: 1)
    let harness = try Harness(configuration: SandboxConfiguration(rateLimit: limit))
    let answers = [harness.call(.get, "/products"), harness.call(.get, "/nope")]
    #expect(answers.map { $0.headers["X-RateLimit-Limit"] } == ["40", "40"])
    #expect(answers.map { $0.headers["X-RateLimit-Remaining"] } == ["39", "38"])
    #expect(answers.map { $0.headers["X-RateLimit-Reset"] } == ["1", "1"])
  }

  @Test func rateLimiterAnswers429AndRefills() throws {
    let limit = SandboxConfiguration.RateLimit(limit: 3, window: 1)
    let harness = try Harness(configuration: SandboxConfiguration(rateLimit: limit))
    let remaining = (0..<3).map { _ in
      harness.call(.get, "/products").headers["X-RateLimit-Remaining"]
    }
    #expect(remaining == ["2", "1", "0"])
    let refused = harness.call(.get, "/products")
    expectError(refused, 429, "PX106")
    #expect(refused.headers["X-RateLimit-Reset"] == "1")
    harness.clock.advance(by: 1)
    #expect(harness.call(.get, "/products").status == 200)
  }

  @Test func secretsStayOutOfErrorDocuments() throws {
    let harness = try Harness()
    let wrong = harness.call(.post, "/auth", ["id": "sandbox", "password": "hunter2"], token: "")
    #expect(!wrong.text.contains("hunter2"))
    let key = harness.call(.post, "/auth/token", ["key": "0123456789abcdef"], token: "")
    #expect(!key.text.contains("0123456789abcdef"))
    let unbond = harness.call(
      .delete, "/devicegroups/x/relationships/devices", Harness.devices([]),
      headers: ["X-Electricimp-Key": "s3cret-key"])
    #expect(!unbond.text.contains("s3cret-key"))
  }
}
