import ImpCentral

/// The members of an admin request's JSON body, read with checks that name the member
/// and say what was expected.
struct AdminBody {
  let members: [String: JSONValue]

  /// A whole number from `range`; `fallback` when the member is missing or null.
  func integer(_ name: String, in range: ClosedRange<Int>, fallback: Int? = nil) throws -> Int {
    guard let value = present(name) else {
      guard let fallback else { throw Self.missing(name) }
      return fallback
    }
    guard let number = value.intValue, range.contains(number) else {
      throw Self.problem(
        "expected '\(name)' to be a whole number from \(range.lowerBound) to "
          + "\(range.upperBound), got \(value.jsonText())")
    }
    return number
  }

  /// A non-empty string; nil when the member is missing or null and not `required`.
  func string(_ name: String, required: Bool = false) throws -> String? {
    guard let value = present(name) else {
      if required { throw Self.missing(name) }
      return nil
    }
    guard let text = value.stringValue, !text.isEmpty else {
      throw Self.problem("expected '\(name)' to be a non-empty string, got \(value.jsonText())")
    }
    return text
  }

  /// A Boolean; `fallback` when the member is missing or null.
  func bool(_ name: String, fallback: Bool?) throws -> Bool {
    guard let value = present(name) else {
      guard let fallback else { throw Self.missing(name) }
      return fallback
    }
    guard let flag = value.boolValue else {
      throw Self.problem("expected '\(name)' to be true or false, got \(value.jsonText())")
    }
    return flag
  }

  private func present(_ name: String) -> JSONValue? {
    guard let value = members[name], !value.isNull else { return nil }
    return value
  }

  /// A 400 error document about the body.
  static func problem(_ detail: String) -> AdminFailure {
    AdminFailure(status: 400, id: "sandbox.badRequest", title: "Bad Request", detail: detail)
  }

  private static func missing(_ name: String) -> AdminFailure {
    problem("expected a member '\(name)' in the JSON body")
  }
}
