import Foundation
import Testing

@testable import ImpCentral

@Suite struct ErrorMappingTests {
  @Test(arguments: [
    (400, ImpCentralError.Code.validation),
    (401, .unauthorized),
    (403, .forbidden),
    (404, .notFound),
    (409, .conflict),
    (422, .validation),
    (429, .rateLimited),
    (500, .server),
    (503, .server),
    (418, .unexpectedResponse),
  ])
  func statusMapsToStableID(status: Int, id: ImpCentralError.Code) {
    let error = ImpCentralError(response: HTTPResponse(status: status))
    #expect(error.id == id)
    #expect(error.status == status)
  }

  @Test func titleAndDetailAreKeptVerbatimInOurVoice() {
    let body = Fixtures.errorDocument(
      409, "Duplicate Resource", "Products must have unique names.", code: "CX001")
    let error = ImpCentralError(response: Fixtures.response(409, body))
    #expect(
      error.message
        == "impCentral refused the request: Duplicate Resource: Products must have unique names.")
    #expect(
      error.errors == [
        APIErrorObject(
          status: 409, code: "CX001", title: "Duplicate Resource",
          detail: "Products must have unique names.")
      ])
  }

  @Test func compileErrorsKeepTheirMetaRows() throws {
    let body = try JSONValue.parse(
      #"""
      {"errors":[{"code":"CX005","status":"400","title":"Compilation Error",
        "detail":"Device code failed to compile",
        "meta":[{"file":"device_code","type":"error","row":3,"column":5,"text":"expression expected"},
                {"file":"agent_code","type":"error","row":10,"column":1,"text":"end of statement expected"}]}]}
      """#)
    let error = ImpCentralError(response: Fixtures.response(400, body))
    #expect(error.id == .validation)
    #expect(error.errors.first?.code == "CX005")
    #expect(error.diagnostics.count == 2)
    #expect(
      error.diagnostics[0]
        == CompileDiagnostic(
          file: "device_code", type: "error", row: 3, column: 5, text: "expression expected"))
    #expect(error.diagnostics[1].description == "agent_code:10:1: error: end of statement expected")
  }

  @Test func everyErrorObjectIsInTheMessage() throws {
    let body: JSONValue = [
      "errors": [
        ["status": "404", "title": "Not Found", "detail": "Device a was not found."],
        ["status": "404", "title": "Not Found", "detail": "Device b was not found."],
      ]
    ]
    let error = ImpCentralError(response: Fixtures.response(400, body))
    #expect(error.message.contains("Device a was not found."))
    #expect(error.message.contains("Device b was not found."))
    #expect(error.isBatchOfNotFound)
  }

  @Test func batchWithOtherStatusesIsNotAllNotFound() {
    let body: JSONValue = [
      "errors": [
        ["status": "404", "title": "Not Found", "detail": "a"],
        ["status": "400", "title": "Invalid", "detail": "b"],
      ]
    ]
    #expect(!ImpCentralError(response: Fixtures.response(400, body)).isBatchOfNotFound)
  }

  @Test func messageBodiesAreRead() {
    let error = ImpCentralError(response: Fixtures.response(502, ["message": "Bad gateway"]))
    #expect(error.id == .server)
    #expect(error.message == "impCentral refused the request: Bad gateway")
    #expect(error.help?.isEmpty == false)
  }

  @Test func nonJSONAndEmptyBodiesStillExplainThemselves() {
    let html = ImpCentralError(response: Fixtures.response(503, text: "<html>down</html>"))
    #expect(
      html.message == "impCentral answered with HTTP 503 and a body that is not an error document")
    let empty = ImpCentralError(response: HTTPResponse(status: 404))
    #expect(empty.message == "impCentral answered with HTTP 404 and no explanation")
    #expect(empty.id == .notFound)
  }

  @Test func numericStatusesInErrorObjectsAreAccepted() {
    let object = APIErrorObject(json: ["status": 403, "title": "Invalid Permission"])
    #expect(object.status == 403)
    #expect(object.text == "Invalid Permission")
    #expect(object.json["status"] == "403")
  }

  @Test func descriptionPutsHelpOnItsOwnLine() {
    let error = ImpCentralError(response: HTTPResponse(status: 401))
    #expect(error.description.hasSuffix("\nhelp: Log in again to get a new access token."))
  }
}
