import Foundation

/// An HTTP method the impCentral API uses.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
  case get = "GET"
  case post = "POST"
  case put = "PUT"
  case patch = "PATCH"
  case delete = "DELETE"

  /// Whether sending the request twice has the same effect as sending it once.
  public var isIdempotent: Bool { self != .post && self != .patch }
}

/// A request to the impCentral API, relative to the API's base URL.
///
/// `path` starts with `/` and excludes the base (`/products/ID`, not `/v5/products/ID`);
/// query items keep their order and may repeat.
public struct HTTPRequest: Sendable, Hashable {
  public var method: HTTPMethod
  public var path: String
  public var query: [URLQueryItem]
  public var headers: HTTPHeaders
  public var body: Data?

  /// Creates a request; headers are matched without regard to case.
  public init(
    method: HTTPMethod,
    path: String,
    query: [URLQueryItem] = [],
    headers: HTTPHeaders = HTTPHeaders(),
    body: Data? = nil
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = headers
    self.body = body
  }

  /// The first value of the query item `name`, if present.
  public func queryValue(_ name: String) -> String? {
    query.first { $0.name == name }?.value
  }

  /// The path and query as they appear on the wire: `/products?page%5Bsize%5D=100`.
  public var pathAndQuery: String {
    guard !query.isEmpty else { return path }
    var components = URLComponents()
    components.queryItems = query
    return path + "?" + (components.percentEncodedQuery ?? "")
  }
}

/// HTTP header fields with case-insensitive names, in insertion order.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
  private var fields: [(name: String, value: String)] = []

  /// Creates an empty set of headers.
  public init() {}

  /// Creates headers from literal pairs.
  public init(dictionaryLiteral elements: (String, String)...) {
    for (name, value) in elements { self[name] = value }
  }

  /// The value of the header `name`; setting nil removes it.
  public subscript(name: String) -> String? {
    get {
      let key = name.lowercased()
      return fields.first { $0.name.lowercased() == key }?.value
    }
    set {
      let key = name.lowercased()
      fields.removeAll { $0.name.lowercased() == key }
      if let newValue { fields.append((name, newValue)) }
    }
  }

  /// Iterates the fields in insertion order.
  public func makeIterator() -> some IteratorProtocol<(name: String, value: String)> {
    fields.makeIterator()
  }

  public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
    lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
  }

  public func hash(into hasher: inout Hasher) {
    for field in fields {
      hasher.combine(field.name)
      hasher.combine(field.value)
    }
  }
}
