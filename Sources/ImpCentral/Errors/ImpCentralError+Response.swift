import Foundation

extension ImpCentralError {
  /// The error a non-2xx response stands for.
  ///
  /// Reads a JSON:API error document, a `{"message": …}` body or anything else; keeps the
  /// service's titles and details verbatim.
  public init(response: HTTPResponse) {
    let errors = Self.errorObjects(in: response.body)
    let code = Self.code(forStatus: response.status)
    self.init(
      code, Self.message(for: response, errors: errors), help: Self.help(for: code),
      status: response.status, errors: errors)
  }

  /// The code a status maps to.
  static func code(forStatus status: Int) -> Code {
    switch status {
    case 400, 422: .validation
    case 401: .unauthorized
    case 403: .forbidden
    case 404, 410: .notFound
    case 409: .conflict
    case 429: .rateLimited
    case 500...599: .server
    default: .unexpectedResponse
    }
  }

  private static func errorObjects(in body: Data) -> [APIErrorObject] {
    guard let document = try? JSONValue.parse(body),
      let entries = document["errors"]?.arrayValue
    else { return [] }
    return entries.map(APIErrorObject.init(json:))
  }

  private static func message(for response: HTTPResponse, errors: [APIErrorObject]) -> String {
    let texts = errors.compactMap(\.text)
    if !texts.isEmpty {
      return "impCentral refused the request: " + texts.joined(separator: "; ")
    }
    if let text = plainMessage(in: response.body) {
      return "impCentral refused the request: " + text
    }
    let status = response.status
    if response.body.isEmpty {
      return "impCentral answered with HTTP \(status) and no explanation"
    }
    return "impCentral answered with HTTP \(status) and a body that is not an error document"
  }

  private static func plainMessage(in body: Data) -> String? {
    guard let text = (try? JSONValue.parse(body))?["message"]?.stringValue,
      !text.isEmpty
    else { return nil }
    return text
  }

  private static func help(for code: Code) -> String? {
    switch code {
    case .unauthorized:
      "Log in again to get a new access token."
    case .forbidden:
      "Check that the account has permission for this, or log in as another account."
    case .rateLimited:
      "Wait a little and try again; impCentral limits how many requests it accepts."
    case .server:
      "impCentral had a problem of its own; try again later."
    default:
      nil
    }
  }
}
