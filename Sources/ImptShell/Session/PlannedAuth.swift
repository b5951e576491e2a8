import ImpCentral
import ImptCommands
import ImptLanguage

/// `auth login` and `auth logout` in a dry run (`explain`, `--dry-run`): the login is
/// planned, not sent, and nothing about the session or its saved login changes.
///
/// `auth info` only reads, so it answers as it always does.
struct PlannedAuth: AuthControl {
  let session: ShellSession
  /// The session's client in dry-run mode, which plans the login request.
  let client: ImpCentralClient

  func login(_ request: LoginRequest) async throws -> Value {
    let current = session.connection
    let target =
      request.endpoint == nil && current.isSandbox
      ? "the sandbox"
      : request.endpoint ?? current.endpoint ?? BackendSelector.defaultEndpoint
    let operation = Self.operation(request.method, target: target)
    _ = try await client.perform(operation, over: client.transport)
    services.note(operation.summary)
    return .null
  }

  func logout(local: Bool) async throws -> Value {
    if session.connection.isSandbox {
      services.note("log out of the sandbox")
    } else {
      services.note(
        "forget the login saved in \(SessionAuth(session: session).savePath(local: local))")
    }
    return .null
  }

  func info() async throws -> Value {
    try await SessionAuth(session: session).info()
  }

  private var services: SessionServices { SessionServices(session: session, client: client) }

  /// The login request as a planned write: shown in the plan, never sent.
  private static func operation(_ method: LoginRequest.Method, target: String) -> APIOperation {
    let path: String
    let summary: String
    switch method {
    case .password(let user, _, _):
      path = "/auth"
      summary = "log in to \(target) as '\(user)'"
    case .loginKey:
      path = "/auth/token"
      summary = "log in to \(target) with a login key"
    }
    return APIOperation(
      verb: .login, resource: nil, target: nil, access: .write, summary: summary,
      request: HTTPRequest(method: .post, path: path), usesBearerToken: false)
  }
}
