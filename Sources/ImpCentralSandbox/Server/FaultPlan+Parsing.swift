import Foundation
import ImpCentral

/// A fault specification that could not be read.
public struct FaultPlanError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The stable message id, `serve.badFault`.
  public let id = "serve.badFault"
  /// The offending item of the specification.
  public var item: String
  /// What was expected instead.
  public var expected: String

  public var description: String {
    "unknown fault '\(item)'; expected \(expected)\nhelp: Write faults as a comma-separated "
      + "list such as '429x2,500,drop', optionally with ':SECONDS' after 429 "
      + "and '@METHOD' or '@/path' after a fault."
  }
}

extension FaultPlan {
  /// The environment variable `imptsh --serve` reads its faults from.
  public static let environmentVariable = "IMPTSH_SERVE_FAULTS"

  /// Creates a plan from a specification such as `429x2,500,drop`.
  ///
  /// Items are separated by commas. Each is `429[:RESET]`, `500`, `503` or `drop`, then
  /// optionally `xCOUNT`, then optionally `@METHOD` and/or `@/PATH-PREFIX`:
  /// `429:3x2@GET@/products` refuses the next two GETs under `/products` with a reset of 3 s.
  public convenience init(parsing text: String) throws(FaultPlanError) {
    var rules: [Rule] = []
    for item in text.split(separator: ",") {
      let trimmed = item.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { continue }
      rules.append(try Self.rule(from: trimmed))
    }
    self.init(rules)
  }

  /// Creates a plan from `IMPTSH_SERVE_FAULTS` in `environment`; empty when it is unset.
  ///
  /// `imptsh --serve` calls `FaultPlan(environment: ProcessInfo.processInfo.environment)`.
  public convenience init(environment: [String: String]) throws(FaultPlanError) {
    try self.init(parsing: environment[Self.environmentVariable] ?? "")
  }

  private static func rule(from item: String) throws(FaultPlanError) -> Rule {
    var parts = item.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
    let head = parts.removeFirst()
    var rule = Rule(.drop)
    (rule.fault, rule.count) = try faultAndCount(head, item: item)
    for part in parts {
      if part.hasPrefix("/") {
        rule.pathPrefix = part
      } else if let method = HTTPMethod(rawValue: part.uppercased()) {
        rule.method = method
      } else {
        throw FaultPlanError(item: item, expected: "a method or a path starting with '/' after '@'")
      }
    }
    return rule
  }

  private static func faultAndCount(
    _ head: String, item: String
  ) throws(FaultPlanError) -> (Fault, Int) {
    let pieces = head.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard pieces.count <= 2, let name = pieces.first else {
      throw FaultPlanError(item: item, expected: "at most one 'xCOUNT'")
    }
    var count = 1
    if pieces.count == 2 {
      guard let value = Int(pieces[1]), value > 0 else {
        throw FaultPlanError(item: item, expected: "a positive count after 'x'")
      }
      count = value
    }
    return (try fault(named: String(name), item: item), count)
  }

  private static func fault(named name: String, item: String) throws(FaultPlanError) -> Fault {
    switch name {
    case "drop": return .drop
    case "500", "503": return .serverError(status: Int(name) ?? 500)
    case "429": return .rateLimited(resetSeconds: 1)
    default: break
    }
    let reset = name.split(separator: ":", omittingEmptySubsequences: false)
    guard reset.count == 2, reset[0] == "429", let seconds = Int(reset[1]), seconds >= 0 else {
      throw FaultPlanError(item: item, expected: "'429', '429:SECONDS', '500', '503' or 'drop'")
    }
    return .rateLimited(resetSeconds: seconds)
  }
}
