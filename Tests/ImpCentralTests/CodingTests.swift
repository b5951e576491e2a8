import Foundation
import Testing

@testable import ImpCentral

@Suite struct CodingTests {
  @Test func resourceReadsFlatRelationshipsAndWritesThemBackFlat() throws {
    let object = try ResourceObject(json: Fixtures.product)
    #expect(object.relationships["owner"] == ResourceRef(type: "account", id: Fixtures.accountID))
    #expect(object.string("name") == "TestProduct")
    #expect(object.links["self"]?.hasSuffix(Fixtures.productID) == true)

    let written = object.json
    #expect(
      written["relationships"]?["owner"] == ["type": "account", "id": .string(Fixtures.accountID)])
    #expect(try ResourceObject(json: written) == object)
  }

  @Test func absentRelationshipsAreLeftOutNeverNull() throws {
    let object = ResourceObject(
      type: "device", id: Fixtures.deviceID, attributes: ["mac_address": "0c:2a:69:05:0d:62"])
    let written = object.json
    #expect(written["relationships"] == .object([:]))
    #expect(!written.jsonText().contains("null"))
  }

  @Test func standardDataWrappedRelationshipsAreAccepted() throws {
    let json: JSONValue = [
      "type": "deployment", "id": "d1",
      "relationships": [
        "devicegroup": ["data": ["type": "development_devicegroup", "id": "g1"]],
        "flagger": ["data": nil],
        "product": nil,
      ],
    ]
    let object = try ResourceObject(json: json)
    #expect(
      object.relationships == [
        "devicegroup": ResourceRef(type: "development_devicegroup", id: "g1")
      ])
  }

  @Test(arguments: [
    #"{"id":"x"}"#,
    #"{"type":"product"}"#,
    #"{"type":"product","id":"x","attributes":[1]}"#,
    #"{"type":"product","id":"x","relationships":{"owner":{"type":"account"}}}"#,
    #"[1,2]"#,
  ])
  func malformedResourcesAreUnexpectedResponses(text: String) throws {
    let json = try JSONValue.parse(text)
    #expect(throws: ImpCentralError.self) { try ResourceObject(json: json) }
    do {
      _ = try ResourceObject(json: json)
    } catch {
      #expect(error.id == .unexpectedResponse)
    }
  }

  @Test func createBodyCarriesTypeAttributesAndFlatRelationships() {
    let body = JSONAPIBody.create(
      type: "development_devicegroup", attributes: ["name": "dg"],
      relationships: ["product": ResourceRef(type: "product", id: "p1")])
    #expect(
      body.jsonText()
        == #"{"data":{"attributes":{"name":"dg"},"relationships":{"product":{"id":"p1","type":"product"}},"type":"development_devicegroup"}}"#
    )
  }

  @Test func createBodyWithoutRelationshipsLeavesThemOut() {
    let body = JSONAPIBody.create(type: "product", attributes: ["name": "P"])
    #expect(body.jsonText() == #"{"data":{"attributes":{"name":"P"},"type":"product"}}"#)
  }

  @Test func updateBodyCarriesTheID() {
    let body = JSONAPIBody.update(type: "product", id: "p1", attributes: ["description": ""])
    #expect(
      body.jsonText() == #"{"data":{"attributes":{"description":""},"id":"p1","type":"product"}}"#)
  }

  @Test func linkageBodiesUseStandardDataMember() {
    let many = JSONAPIBody.linkage([
      ResourceRef(type: "device", id: "a"), ResourceRef(type: "device", id: "b"),
    ])
    #expect(many.jsonText() == #"{"data":[{"id":"a","type":"device"},{"id":"b","type":"device"}]}"#)
    let one = JSONAPIBody.linkage(ResourceRef(type: "deployment", id: "d"))
    #expect(one.jsonText() == #"{"data":{"id":"d","type":"deployment"}}"#)
  }

  @Test func collectionDocumentReadsDataAndLinks() throws {
    let json = Fixtures.page([Fixtures.product], collection: "/products", number: 2, next: 3)
    let document = try CollectionDocument(body: json.encoded())
    #expect(try document.resources().map(\.id) == [Fixtures.productID])
    #expect(document.links.nextPageNumber == 3)
    #expect(document.links.first?.contains("page%5Bnumber%5D=1") == true)
    #expect(document.json["links"]?["next"] != nil)
  }

  @Test func lastPageHasNoNextPage() throws {
    let json = Fixtures.page([], collection: "/products", number: 1, next: nil)
    let document = try CollectionDocument(body: json.encoded())
    #expect(document.links.next == nil)
    #expect(document.links.nextPageNumber == nil)
  }

  @Test func nextLinkWithLiteralBracketsIsRead() {
    let links = PageLinks(
      next: "https://x/v5/devices?filter[product.id]=p&page[number]=7&page[size]=100")
    #expect(links.nextPageNumber == 7)
  }

  @Test func singleDocumentKeepsWarnings() throws {
    let json: JSONValue = [
      "data": [
        "type": "product", "id": "p", "attributes": ["name": "P"],
        "meta": [["title": "Heads up", "detail": "Something minor.", "status": "200"]],
      ]
    ]
    let document = try ResourceDocument(body: json.encoded())
    #expect(document.warnings.first?.text == "Heads up: Something minor.")
  }

  @Test func nonJSONBodyIsUnexpectedResponse() {
    #expect(throws: ImpCentralError.self) {
      try ResourceDocument(body: Data("<html>502</html>".utf8))
    }
  }

  @Test func logEntriesArePlainObjects() throws {
    let entry = try LogEntry(json: [
      "ts": "2018-01-22T19:49:30.423Z", "type": "server.log", "msg": "hi",
    ])
    #expect(entry.date != nil)
    #expect(entry.json == ["ts": "2018-01-22T19:49:30.423Z", "type": "server.log", "msg": "hi"])
    #expect(throws: ImpCentralError.self) { try LogEntry(json: ["ts": "x", "type": "status"]) }
  }
}
