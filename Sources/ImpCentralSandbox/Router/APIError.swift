import ImpCentral

/// An API failure as an error document: one or more entries with status, title, detail
/// and code, and the HTTP status of the whole response.
struct APIError: Error, Sendable {
  /// One member of the document's `errors` array.
  struct Entry: Sendable {
    var status: Int
    var code: String
    var title: String
    var detail: String
    var meta: JSONValue?
  }

  var status: Int
  var entries: [Entry]
  /// Extra response headers, such as `Allow` on a 405.
  var headers: [String: String] = [:]

  /// A failure with a single entry.
  init(status: Int, code: String, title: String, detail: String, meta: JSONValue? = nil) {
    self.status = status
    entries = [Entry(status: status, code: code, title: title, detail: detail, meta: meta)]
  }

  /// A failure listing several entries, each with its own status.
  init(status: Int, entries: [Entry]) {
    self.status = status
    self.entries = entries
  }

  /// The error document, with conflict statuses replaced by `conflictStatus`.
  func document(conflictStatus: Int) -> (status: Int, body: JSONValue) {
    let map = { (status: Int) in status == 409 ? conflictStatus : status }
    let errors = entries.map { entry -> JSONValue in
      var members: [String: JSONValue] = [
        "status": .string(String(map(entry.status))), "code": .string(entry.code),
        "title": .string(entry.title), "detail": .string(entry.detail),
      ]
      if let meta = entry.meta { members["meta"] = meta }
      return .object(members)
    }
    return (map(status), ["errors": .array(errors)])
  }

  /// The first entry's code, for tests and logs.
  var code: String { entries.first?.code ?? "" }
}
