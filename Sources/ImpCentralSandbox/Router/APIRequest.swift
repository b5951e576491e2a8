import Foundation
import ImpCentral

/// A request as the router sees it: path split into decoded segments, query names decoded.
struct APIRequest {
  let method: HTTPMethod
  /// The path as sent, for messages and links: `/devices/0c:2a:69:05:0d:62`; control
  /// characters are shown as `%XX` escapes.
  let path: String
  /// The decoded segments, empty ones kept: `/devices//x/` gives `devices`, ``, `x`, ``.
  let segments: [String]
  /// Query items in order, names and values percent-decoded.
  let query: [(name: String, value: String)]
  let headers: HTTPHeaders
  let body: Data?

  init(_ request: HTTPRequest) {
    method = request.method
    let trimmed = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
    path = trimmed.isEmpty ? "/" : PathText.visible(trimmed)
    segments = PathText.segments(of: trimmed)
    query = request.query.map { item in
      (item.name.removingPercentEncoding ?? item.name, item.value ?? "")
    }
    headers = request.headers
    body = request.body
  }

  /// Throws a 400 when a path segment holds a control character: no id or name does,
  /// and a decoded `%00` must not pass for a shorter path.
  func checkSegments() throws {
    for (index, segment) in segments.enumerated() {
      if let scalar = segment.unicodeScalars.first(where: TextRule.isControl) {
        throw APIError.controlCharacterInPath(path, segment: index + 1, scalar)
      }
    }
  }

  /// The first value of query item `name`.
  func queryValue(_ name: String) -> String? {
    query.first { $0.name == name }?.value
  }

  /// The body as a JSON value; an empty or malformed body is a 400 whose detail gives the
  /// parser's reason, such as `values are nested more than 512 deep (at byte 513)`.
  func json() throws -> JSONValue {
    guard let body, !body.allSatisfy({ $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 })
    else {
      throw APIError.invalidDocument("The request needs a JSON body.")
    }
    do {
      return try JSONValue.parse(body)
    } catch {
      throw APIError.malformedJSON(reason: error.message)
    }
  }

  /// The bearer token of the Authorization header, if there is one.
  var bearerToken: String? {
    guard let value = headers["Authorization"] else { return nil }
    let parts = value.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
    let token = parts[1].trimmingCharacters(in: .whitespaces)
    return token.isEmpty ? nil : token
  }
}

/// A successful answer: a status and an optional JSON body.
struct Reply {
  var status: Int
  var body: JSONFragment?

  /// An answer with a JSON body.
  init(status: Int, body: JSONValue?) {
    self.status = status
    self.body = body.map(JSONFragment.init)
  }

  /// An answer with a body already encoded.
  init(status: Int, fragment: JSONFragment) {
    self.status = status
    body = fragment
  }

  /// 200 with a JSON:API document holding one resource.
  static func ok(_ resource: JSONFragment) -> Reply {
    Reply(status: 200, fragment: document(resource))
  }

  /// 201 with a JSON:API document holding the created resource.
  static func created(_ resource: JSONFragment) -> Reply {
    Reply(status: 201, fragment: document(resource))
  }

  /// `{"data": resource}`.
  static func document(_ resource: JSONFragment) -> JSONFragment {
    var writer = JSONWriter()
    writer.append("{\"data\":")
    writer.write(resource)
    writer.append("}")
    return JSONFragment(bytes: writer.bytes)
  }

  /// 204 with no body.
  static let noContent = Reply(status: 204, body: nil)

  /// An error document that still commits the request's writes (the first step of a
  /// two-factor login stores its login token).
  static func committedFailure(_ error: APIError, _ tx: Transaction) -> Reply {
    let document = error.document(conflictStatus: tx.configuration.conflictStatus)
    return Reply(status: document.status, body: document.body)
  }
}
