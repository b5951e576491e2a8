import Foundation
import Synchronization

/// Counts the requests a server answered, in total and by method and path template.
///
/// Templates replace identifiers with `{id}`: `GET /products/4e26…` counts as
/// `GET /products/{id}`. Benchmarks read the counts; tests use them to see retries.
public final class RequestCounter: Sendable {
  private let counts = Mutex<[String: Int]>([:])
  private let totalCount = Atomic<Int>(0)

  /// Creates a counter at zero.
  public init() {}

  /// How many requests were counted.
  public var total: Int { totalCount.load(ordering: .relaxed) }

  /// The counts by `METHOD /path/{id}` template.
  public var byTemplate: [String: Int] { counts.withLock { $0 } }

  /// How many requests matched `template`, such as `GET /products/{id}`.
  public func count(of template: String) -> Int {
    counts.withLock { $0[template] ?? 0 }
  }

  /// Counts one request.
  public func record(method: String, path: String) {
    let key = method + " " + Self.template(of: path)
    totalCount.add(1, ordering: .relaxed)
    counts.withLock { $0[key, default: 0] += 1 }
  }

  /// Sets every count back to zero.
  public func reset() {
    counts.withLock { $0.removeAll() }
    totalCount.store(0, ordering: .relaxed)
  }

  /// The path with identifier segments replaced by `{id}`.
  ///
  /// A segment is a name when it holds only lowercase letters, `_` and `-`
  /// (`devicegroups`, `login_keys`, `conditional-restart`), or is a version such as `v1`;
  /// anything else is an id.
  static func template(of path: String) -> String {
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    return segments.map { segment in
      segment.isEmpty || segment.allSatisfy(isNameCharacter) || isVersion(segment)
        ? String(segment) : "{id}"
    }.joined(separator: "/")
  }

  private static func isVersion(_ segment: Substring) -> Bool {
    segment.count <= 3 && segment.first == "v" && segment.dropFirst().allSatisfy(\.isNumber)
      && segment.count > 1
  }

  private static func isNameCharacter(_ character: Character) -> Bool {
    ("a"..."z").contains(character) || character == "_" || character == "-"
  }
}
