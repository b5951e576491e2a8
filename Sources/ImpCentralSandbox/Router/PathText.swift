/// How the router reads a request path: its segments, and a form safe to show.
enum PathText {
  /// The percent-decoded segments of `path`, empty ones kept so that `/devices/` and
  /// `/devices//` never pass for `/devices`: `/a//b` gives `a`, ``, `b`.
  static func segments(of path: String) -> [String] {
    let body = path.hasPrefix("/") ? path.dropFirst() : Substring(path)
    guard !body.isEmpty else { return [] }
    return body.split(separator: "/", omittingEmptySubsequences: false).map { segment in
      segment.removingPercentEncoding ?? String(segment)
    }
  }

  /// `path` with its control characters written as `%XX` escapes, for messages.
  static func visible(_ path: String) -> String {
    guard path.unicodeScalars.contains(where: TextRule.isControl) else { return path }
    var shown = String.UnicodeScalarView()
    for scalar in path.unicodeScalars {
      guard TextRule.isControl(scalar) else {
        shown.append(scalar)
        continue
      }
      for byte in String(scalar).utf8 { shown.append(contentsOf: "%\(hex(byte))".unicodeScalars) }
    }
    return String(shown)
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
  }
}
