import ImpCentral

/// Builds list documents: a page of resources and its absolute `self`, `first` and `next`.
enum CollectionReply {
  /// The document for `rows` fetched with `query.fetchLimit`; the extra row means "more".
  static func make(
    _ rows: [JSONFragment], query: ListQuery, request: APIRequest, base: String
  ) -> Reply {
    let hasNext = rows.count > query.size
    let page = hasNext ? Array(rows.prefix(query.size)) : rows
    var links: [String: JSONValue] = [
      "self": .string(url(base, request.path, request.query)),
      "first": .string(pageURL(base, request, number: 1, size: query.size)),
    ]
    if hasNext {
      links["next"] = .string(pageURL(base, request, number: query.number + 1, size: query.size))
    }
    if query.number > 1 {
      links["prev"] = .string(pageURL(base, request, number: query.number - 1, size: query.size))
    }
    var writer = JSONWriter()
    writer.append("{\"data\":[")
    for (index, row) in page.enumerated() {
      if index > 0 { writer.append(",") }
      writer.write(row)
    }
    writer.append("],\"links\":")
    writer.write(.object(links))
    writer.append("}")
    return Reply(status: 200, fragment: JSONFragment(bytes: writer.bytes))
  }

  private static func pageURL(
    _ base: String, _ request: APIRequest, number: Int, size: Int
  ) -> String {
    var items = request.query.filter { !$0.name.hasPrefix("page[") }
    items.append(("page[number]", String(number)))
    items.append(("page[size]", String(size)))
    return url(base, request.path, items)
  }

  private static func url(
    _ base: String, _ path: String, _ items: [(name: String, value: String)]
  ) -> String {
    guard !items.isEmpty else { return base + path }
    let query = items.map { encode($0.name) + "=" + encode($0.value) }
    return base + path + "?" + query.joined(separator: "&")
  }

  private static let unreserved = Set(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:,".utf8)

  /// Percent-encodes everything outside the unreserved set: `page[size]` becomes
  /// `page%5Bsize%5D`.
  static func encode(_ text: String) -> String {
    if text.utf8.allSatisfy(unreserved.contains) { return text }
    var result = ""
    for byte in text.utf8 {
      if unreserved.contains(byte) {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        result += "%" + Hex.string([byte]).uppercased()
      }
    }
    return result
  }
}
