import ImpCentral

/// The validation failures (400, `VX…`).
extension APIError {
  /// The body does not parse; `reason` is the shared JSON parser's own words.
  static func malformedJSON(reason: String) -> APIError {
    APIError(
      status: 400, code: "VX001", title: "Malformed Request",
      detail: "The request body is not valid JSON: \(reason).")
  }

  static func invalidDocument(_ detail: String) -> APIError {
    APIError(status: 400, code: "VX002", title: "Invalid Document", detail: detail)
  }

  static func invalidType(_ type: String, expected: [String]) -> APIError {
    APIError(
      status: 400, code: "VX003", title: "Invalid Resource Type",
      detail: "The resource type '\(type)' is not accepted here; expected "
        + "\(expected.map { "'\($0)'" }.joined(separator: " or ")).")
  }

  static func unknownAttributes(_ names: [String], accepted: [String]) -> APIError {
    APIError(
      status: 400, code: "VX004", title: "Unknown Attribute",
      detail: "The \(names.count == 1 ? "attribute" : "attributes") "
        + "\(quoted(names)) cannot be set here; accepted attributes: "
        + "\(accepted.isEmpty ? "none" : accepted.joined(separator: ", ")).")
  }

  static func missingAttribute(_ name: String) -> APIError {
    APIError(
      status: 400, code: "VX005", title: "Missing Attribute",
      detail: "The attribute '\(name)' is required.")
  }

  static func invalidAttribute(_ name: String, _ expectation: String) -> APIError {
    APIError(
      status: 400, code: "VX006", title: "Invalid Attribute",
      detail: "The attribute '\(name)' \(expectation).")
  }

  static func unknownRelationships(_ names: [String], accepted: [String]) -> APIError {
    APIError(
      status: 400, code: "VX007", title: "Unknown Relationship",
      detail: "The relationship \(quoted(names)) cannot be set here; accepted "
        + "relationships: \(accepted.isEmpty ? "none" : accepted.joined(separator: ", ")).")
  }

  static func missingRelationship(_ name: String) -> APIError {
    APIError(
      status: 400, code: "VX008", title: "Missing Relationship",
      detail: "The relationship '\(name)' is required.")
  }

  static func invalidRelationship(_ name: String, _ problem: String) -> APIError {
    APIError(
      status: 400, code: "VX009", title: "Invalid Relationship",
      detail: "The relationship '\(name)' \(problem).")
  }

  static func invalidFilter(_ detail: String) -> APIError {
    APIError(status: 400, code: "VX010", title: "Invalid Filter", detail: detail)
  }

  static func invalidPage(_ detail: String) -> APIError {
    APIError(status: 400, code: "VX011", title: "Invalid Page Parameter", detail: detail)
  }

  static func invalidURL() -> APIError {
    APIError(
      status: 400, code: "VX012", title: "Invalid URL", detail: "The provided URL is invalid.")
  }

  static func invalidParameter(_ detail: String) -> APIError {
    APIError(status: 400, code: "VX013", title: "Invalid Parameter", detail: detail)
  }

  static func clientGeneratedID() -> APIError {
    APIError(
      status: 400, code: "VX014", title: "Invalid Document",
      detail: "The sandbox assigns ids itself; leave 'data.id' out of a create request.")
  }

  static func eventStreamRequired() -> APIError {
    APIError(
      status: 400, code: "VX015", title: "Event Stream Required",
      detail: "A log stream is read as a server-sent event stream "
        + "(Accept: text/event-stream).")
  }

  static func methodNotAllowed(_ method: String, allowed: [String]) -> APIError {
    var error = APIError(
      status: 405, code: "VX016", title: "Method Not Allowed",
      detail: "The method \(method) is not allowed here; allowed: "
        + "\(allowed.joined(separator: ", ")).")
    error.headers["Allow"] = allowed.joined(separator: ", ")
    return error
  }

  /// A name or description holds a control character that `rule` refuses; the detail
  /// shows the character as its code point, never as itself.
  static func controlCharacter(
    _ attribute: String, _ rule: TextRule, _ scalar: Unicode.Scalar, at position: Int
  ) -> APIError {
    APIError(
      status: 400, code: "VX017", title: "Invalid Characters",
      detail: "The attribute '\(attribute)' holds the control character "
        + "\(TextRule.label(scalar)) at character \(position); \(rule.summary).")
  }

  /// A path segment holds a control character (a decoded `%00`, `%1B`…); `path` is shown
  /// with such characters escaped.
  static func controlCharacterInPath(
    _ path: String, segment: Int, _ scalar: Unicode.Scalar
  ) -> APIError {
    APIError(
      status: 400, code: "VX018", title: "Invalid Path",
      detail: "The path '\(path)' holds the control character \(TextRule.label(scalar)) in "
        + "segment \(segment); no id or name holds control characters.")
  }

  static func invalidCompilation(_ rows: [JSONValue]) -> APIError {
    APIError(
      status: 400, code: "CX005", title: "Compilation Error",
      detail: "The code does not compile; see meta for the places.", meta: .array(rows))
  }

  static func quoted(_ names: [String]) -> String {
    names.map { "'\($0)'" }.joined(separator: ", ")
  }
}

/// The not-found failures (404, `NF…`).
extension APIError {
  static func notFound(_ kind: String, _ id: String) -> APIError {
    APIError(
      status: 404, code: "NF001", title: "Resource Not Found",
      detail: "No \(kind) with id '\(id)' exists in this account.")
  }

  static func unknownPath(_ path: String) -> APIError {
    APIError(
      status: 404, code: "NF002", title: "Unknown Endpoint",
      detail: "There is no endpoint at '\(path)'.")
  }

  static func credentialNotFound(_ kind: String) -> APIError {
    APIError(
      status: 404, code: "NF003", title: "Credential Not Found",
      detail: "The \(kind) is unknown, expired or was deleted.")
  }
}
