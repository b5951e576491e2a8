import ImpCentral

/// One endpoint: a method, a path pattern and its handler.
struct Route: Sendable {
  /// Handles a request; open handlers run without an access token.
  enum Handler: Sendable {
    case open(@Sendable (Transaction, APIRequest) throws -> Reply)
    case authenticated(@Sendable (RequestContext) throws -> Reply)
  }

  let method: HTTPMethod
  /// Path segments; `*` matches any one segment and becomes a parameter.
  let pattern: [String]
  let handler: Handler

  init(_ method: HTTPMethod, _ path: String, _ handler: Handler) {
    self.method = method
    pattern = path.split(separator: "/").map(String.init)
    self.handler = handler
  }

  /// Creates an authenticated route.
  static func auth(
    _ method: HTTPMethod, _ path: String,
    _ body: @escaping @Sendable (RequestContext) throws -> Reply
  ) -> Route {
    Route(method, path, .authenticated(body))
  }

  /// Creates a route that needs no access token.
  static func open(
    _ method: HTTPMethod, _ path: String,
    _ body: @escaping @Sendable (Transaction, APIRequest) throws -> Reply
  ) -> Route {
    Route(method, path, .open(body))
  }

  /// The parameters `segments` give this route, or nil when the path does not match; an
  /// empty segment is never a parameter.
  func match(_ segments: [String]) -> [String]? {
    guard segments.count == pattern.count else { return nil }
    var parameters: [String] = []
    for (segment, part) in zip(segments, pattern) {
      if part == "*" {
        guard !segment.isEmpty else { return nil }
        parameters.append(segment)
      } else if part != segment {
        return nil
      }
    }
    return parameters
  }

  /// Whether the route changes state (anything but GET).
  var writes: Bool { method != .get }
}
