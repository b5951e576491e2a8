import Foundation

/// A response document holding one resource: `{"data": {…}}`.
public struct ResourceDocument: Sendable, Hashable {
  /// The resource.
  public var data: ResourceObject
  /// Warnings the service attached to a created or updated resource (`data.meta`).
  public var warnings: [APIErrorObject]

  /// Creates a document.
  public init(data: ResourceObject, warnings: [APIErrorObject] = []) {
    self.data = data
    self.warnings = warnings
  }

  /// Reads a document from JSON text.
  public init(body: Data) throws(ImpCentralError) {
    let json = try JSONAPIBody.parse(body)
    guard let data = json["data"] else {
      throw .unexpected("impCentral sent a document without 'data'")
    }
    self.init(
      data: try ResourceObject(json: data),
      warnings: (data["meta"]?.arrayValue ?? []).map(APIErrorObject.init(json:)))
  }

  /// The document as JSON.
  public var json: JSONValue { ["data": data.json] }
}

/// The `links` of a collection page: `self`, `first` and, while more pages follow, `next`.
public struct PageLinks: Sendable, Hashable {
  /// The link to this page (`self`).
  public var selfLink: String?
  /// The link to the first page.
  public var first: String?
  /// The link to the next page; absent on the last page.
  public var next: String?

  /// Creates links.
  public init(selfLink: String? = nil, first: String? = nil, next: String? = nil) {
    self.selfLink = selfLink
    self.first = first
    self.next = next
  }

  /// Reads the `links` member of a document.
  init(json: JSONValue?) {
    selfLink = json?["self"]?.stringValue
    first = json?["first"]?.stringValue
    next = json?["next"]?.stringValue
  }

  /// The links as JSON, leaving out the absent ones.
  public var json: JSONValue {
    let pairs: [(String, String?)] = [("self", selfLink), ("first", first), ("next", next)]
    return .object(
      Dictionary(
        uniqueKeysWithValues: pairs.compactMap { key, value in
          value.map { (key, JSONValue.string($0)) }
        }))
  }

  /// The `page[number]` the `next` link asks for, if there is a next link that names one.
  ///
  /// `https://api.electricimp.com/v5/products?page%5Bnumber%5D=3&page%5Bsize%5D=100`
  /// gives 3.
  public var nextPageNumber: Int? {
    guard let next, let items = URLComponents(string: next)?.queryItems else { return nil }
    return items.first { $0.name == "page[number]" }?.value.flatMap { Int($0) }
  }
}

/// A response document holding a page of a collection: `{"data": […], "links": {…}}`.
///
/// Elements stay raw JSON because log entries are plain objects, not resources.
public struct CollectionDocument: Sendable, Hashable {
  /// The page's elements.
  public var data: [JSONValue]
  /// The page links.
  public var links: PageLinks

  /// Creates a document.
  public init(data: [JSONValue], links: PageLinks) {
    self.data = data
    self.links = links
  }

  /// Reads a document from JSON text.
  public init(body: Data) throws(ImpCentralError) {
    let json = try JSONAPIBody.parse(body)
    guard let data = json["data"]?.arrayValue else {
      throw .unexpected("impCentral sent a list without a 'data' array")
    }
    self.init(data: data, links: PageLinks(json: json["links"]))
  }

  /// The elements read as resource objects.
  public func resources() throws(ImpCentralError) -> [ResourceObject] {
    var result: [ResourceObject] = []
    for element in data { result.append(try ResourceObject(json: element)) }
    return result
  }

  /// The document as JSON; `links` is always present.
  public var json: JSONValue { ["data": .array(data), "links": links.json] }
}
