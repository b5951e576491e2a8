import Foundation
import ImpCentral

/// A failed admin request, answered as an impCentral-shaped error document whose `code`
/// is the sandbox's stable message id and whose `meta.help` says how to recover.
struct AdminFailure: Error, Sendable {
  var status: Int
  var id: String
  var title: String
  var detail: String
  var help: String?

  /// The admin API has no operation at `path`.
  static func unknownOperation(_ path: String) -> AdminFailure {
    AdminFailure(
      status: 404, id: "sandbox.unknownOperation", title: "Not Found",
      detail: "there is no sandbox operation at '\(SandboxAdminAPI.pathPrefix)\(path)'",
      help: "GET \(SandboxAdminAPI.pathPrefix) lists the operations.")
  }

  /// A simulation step refused: the sandbox's own message, remedy and id.
  init(_ error: SandboxError) {
    status = Self.status(of: error.code)
    id = error.id
    title = Self.title(of: status)
    detail = error.message
    help = error.help
  }

  /// Creates a failure.
  init(status: Int, id: String, title: String, detail: String, help: String? = nil) {
    self.status = status
    self.id = id
    self.title = title
    self.detail = detail
    self.help = help
  }

  /// The error document.
  var response: HTTPResponse {
    var entry: [String: JSONValue] = [
      "status": .string(String(status)), "code": .string(id), "title": .string(title),
      "detail": .string(detail),
    ]
    if let help { entry["meta"] = ["help": .string(help)] }
    return AdminReply.json(status, ["errors": [.object(entry)]])
  }

  private static func status(of code: SandboxError.Code) -> Int {
    switch code {
    case .notFound: 404
    case .invalidArgument: 400
    case .wrongGroupType, .noDeployment, .noFixture, .notBlessed: 409
    case .storage, .newerDatabase: 500
    }
  }

  private static func title(of status: Int) -> String {
    switch status {
    case 400: "Bad Request"
    case 404: "Not Found"
    case 409: "Conflict"
    default: "Internal Server Error"
    }
  }
}

/// The responses of the admin API: JSON bodies and error documents.
enum AdminReply {
  /// `status` with `body` as JSON.
  static func json(_ status: Int, _ body: JSONValue) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: ["Content-Type": "application/json"],
      body: JSONWriter.data(body))
  }

  /// 204 with no body.
  static let noContent = HTTPResponse(status: 204)

  /// The error document for any failure of an admin request.
  static func failure(_ error: any Error) -> HTTPResponse {
    switch error {
    case let failure as AdminFailure:
      return failure.response
    case let failure as SandboxError:
      return AdminFailure(failure).response
    case let failure as APIError:
      let document = failure.document(conflictStatus: 409)
      var response = json(document.status, document.body)
      for (name, value) in failure.headers { response.headers[name] = value }
      return response
    default:
      return AdminFailure(
        status: 500, id: "sandbox.internal", title: "Internal Server Error",
        detail: "the sandbox failed: \(type(of: error))"
      ).response
    }
  }
}
