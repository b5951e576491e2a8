import Foundation
import ImpCentral
import Synchronization

/// A queue of failures the HTTP server applies to the next matching requests, for testing
/// how clients retry.
///
/// Each rule is used up by the requests it matches; requests that match no pending rule
/// are served normally. `FaultPlan(parsing: "429x2,500,drop")` refuses the next two
/// requests with 429, fails the third with 500 and drops the connection of the fourth.
public final class FaultPlan: Sendable {
  /// What the server does instead of answering a request.
  public enum Fault: Sendable, Hashable {
    /// Answers 429 with `X-RateLimit-Reset: resetSeconds`.
    case rateLimited(resetSeconds: Int)
    /// Answers with `status` (500 or 503) and an error document.
    case serverError(status: Int)
    /// Sends the response head, then closes the connection before the body; clients see
    /// a broken connection (curl's exit code 18, "transfer closed with bytes remaining").
    case drop
  }

  /// A fault, how many requests it applies to, and which requests it matches.
  public struct Rule: Sendable, Hashable {
    public var fault: Fault
    public var count: Int
    /// Only requests with this method match; nil matches every method.
    public var method: HTTPMethod?
    /// Only requests whose path starts with this prefix (without `/v5`) match.
    public var pathPrefix: String?

    /// Creates a rule that applies `fault` to the next `count` matching requests.
    public init(
      _ fault: Fault, count: Int = 1, method: HTTPMethod? = nil, pathPrefix: String? = nil
    ) {
      self.fault = fault
      self.count = count
      self.method = method
      self.pathPrefix = pathPrefix
    }

    func matches(_ method: HTTPMethod, _ path: String) -> Bool {
      (self.method == nil || self.method == method)
        && (pathPrefix.map { path.hasPrefix($0) } ?? true)
    }
  }

  private let rules: Mutex<[Rule]>

  /// Creates a plan holding `rules`, applied in order.
  public init(_ rules: [Rule] = []) {
    self.rules = Mutex(rules.filter { $0.count > 0 })
  }

  /// The rules not yet used up, in order.
  public var pending: [Rule] {
    rules.withLock { $0 }
  }

  /// Appends a rule behind those already queued.
  public func add(_ rule: Rule) {
    guard rule.count > 0 else { return }
    rules.withLock { $0.append(rule) }
  }

  /// Drops every pending rule.
  public func removeAll() {
    rules.withLock { $0.removeAll() }
  }

  /// Takes one use of the first rule matching the request, if any.
  public func take(method: HTTPMethod, path: String) -> Fault? {
    rules.withLock { rules in
      guard let index = rules.firstIndex(where: { $0.matches(method, path) }) else {
        return nil
      }
      let fault = rules[index].fault
      rules[index].count -= 1
      if rules[index].count == 0 { rules.remove(at: index) }
      return fault
    }
  }
}
