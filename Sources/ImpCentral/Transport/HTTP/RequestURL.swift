import Foundation

/// Joins a base URL with a request's path and query, percent-encoding both.
///
/// The path is literal text: characters a path may not hold, `%` among them, are encoded.
/// Query names and values keep only RFC 3986's unreserved characters, so
/// `page[size]=100` goes out as `page%5Bsize%5D=100` and `a+b` as `a%2Bb`.
enum RequestURL {
  /// The URL for `path` and `query` under `base`, or nil when none can be formed.
  static func make(base: URL, path: String, query: [URLQueryItem]) -> URL? {
    var text = base.absoluteString
    while text.hasSuffix("/") { text.removeLast() }
    let relative = path.hasPrefix("/") ? path : "/" + path
    text += relative.addingPercentEncoding(withAllowedCharacters: pathAllowed) ?? relative
    if !query.isEmpty { text += "?" + encodedQuery(query) }
    return URL(string: text)
  }

  /// The query items as `name=value` pairs joined by `&`, encoded.
  static func encodedQuery(_ items: [URLQueryItem]) -> String {
    items.map { item in
      let name = encode(item.name)
      return item.value.map { name + "=" + encode($0) } ?? name
    }.joined(separator: "&")
  }

  private static func encode(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
  }

  private static let unreserved = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

  private static let pathAllowed = unreserved.union(CharacterSet(charactersIn: "/!$&'()*+,;=:@"))
}
