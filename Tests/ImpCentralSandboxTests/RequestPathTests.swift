import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

/// How the router reads paths and bodies it was not built for: decoded control
/// characters, empty segments and bodies the JSON parser refuses.
@Suite struct RequestPathTests {
  @Test(
    "a control character in a path segment is refused, never dropped",
    arguments: ["/devices/\u{0}", "/devices/%00", "/devices/%1B%5B2J", "/products/a\u{7}b"])
  func controlCharacterInPathIsRefused(path: String) throws {
    let harness = try Harness()
    _ = try harness.sandbox.addDevices(count: 2)
    let answer = harness.call(.get, path)
    expectError(answer, 400, "VX018")
    #expect(answer.json["data"] == nil)
    let detail = answer.detail
    #expect(!detail.unicodeScalars.contains(where: TextRule.isControl))
  }

  @Test func controlCharacterIsShownEscapedInTheDetail() throws {
    let harness = try Harness()
    let answer = harness.call(.get, "/devices/\u{0}")
    let detail = answer.detail
    #expect(detail.contains("'/devices/%00'"))
    #expect(detail.contains("U+0000"))
  }

  @Test(
    "an empty segment matches no endpoint",
    arguments: [
      (HTTPMethod.get, "/devices/"), (.get, "/devices//"), (.get, "//devices"),
      (.post, "/devices//restart"), (.get, "/products/%2F"),
    ])
  func emptySegmentMatchesNothing(method: HTTPMethod, path: String) throws {
    let harness = try Harness()
    _ = try harness.sandbox.addDevices(count: 1)
    let answer = harness.call(method, path)
    #expect(answer.json["data"] == nil)
    #expect(answer.status == 404)
    #expect(["NF001", "NF002"].contains(answer.code ?? ""))
  }

  @Test func logStreamPathWithEmptyIdIsUnknown() throws {
    let harness = try Harness()
    let request = HTTPRequest(method: .get, path: "/logstream/")
    guard case .response(let response) = harness.sandbox.openEvents(request) else {
      Issue.record("an empty stream id opened a stream")
      return
    }
    #expect(Harness.answer(response).code == "NF002")
  }

  @Test func deeplyNestedBodyReportsTheParsersReason() throws {
    let harness = try Harness()
    let body = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    let answer = harness.raw(.post, "/products", body: body)
    expectError(answer, 400, "VX001")
    let detail = answer.detail
    #expect(detail.contains("nested more than 512 deep"))
  }

  @Test func malformedBodyNamesWhereTheParserStopped() throws {
    let harness = try Harness()
    let answer = harness.raw(.post, "/products", body: #"{"data": }"#)
    let detail = answer.detail
    #expect(detail.contains("not valid JSON: unexpected character"))
    #expect(detail.contains("at byte"))
  }

  @Test func adminBodyThatIsNotJSONSaysWhy() throws {
    let harness = try Harness()
    var request = HTTPRequest(
      method: .post, path: "/devices",
      body: Data((String(repeating: "[", count: 600) + "]").utf8))
    request.headers["Authorization"] = "Bearer \(harness.token)"
    let answer = Harness.answer(SandboxAdminAPI(sandbox: harness.sandbox).respond(to: request))
    #expect(answer.status == 400)
    let detail = answer.detail
    #expect(detail.contains("nested more than 512 deep"))
  }

  @Test func adminPathWithAControlCharacterIsRefused() throws {
    let harness = try Harness()
    var request = HTTPRequest(method: .get, path: "/webhooks%00")
    request.headers["Authorization"] = "Bearer \(harness.token)"
    let answer = Harness.answer(SandboxAdminAPI(sandbox: harness.sandbox).respond(to: request))
    #expect(answer.status == 400)
    #expect(answer.code == "VX018")
  }
}
