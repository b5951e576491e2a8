import Foundation
import ImpCentral
import ImptCommands
import ImptLanguage

/// `auth login`, `auth logout` and `auth info` for a session.
///
/// A login on an HTTP endpoint is saved (mode 0600) in the user's data folder, or in the
/// working folder with `--local`, and becomes the session's. On the sandbox a login
/// changes who the session is but is not saved.
struct SessionAuth: AuthControl {
  let session: ShellSession

  func login(_ request: LoginRequest) async throws -> Value {
    let current = session.connection
    if request.endpoint == nil, current.isSandbox {
      let before = try? await current.client.me().id
      try await logIn(current.client, request)
      session.note("logged in to the sandbox")
      if try await current.client.me().id != before { forgetContext() }
      return try await info()
    }
    let endpoint = request.endpoint ?? current.endpoint ?? BackendSelector.defaultEndpoint
    let path = savePath(local: request.local)
    let auth = AuthSession(onChange: Connector.saver(path, endpoint))
    var connection = try await session.connector
      .openRemote(endpoint: endpoint, login: .none, reason: "auth login")
    connection.client = connection.client.with(session: auth)
    try await logIn(connection.client, request)
    try await save(connection.client, to: path, endpoint: endpoint, local: request.local)
    connection.savedLoginPath = path
    let served = connection.servedSandbox == nil ? "" : ", a sandbox served by imptsh"
    connection.banner = "connected to \(endpoint)\(served) (login saved in \(path))"
    session.connection = connection
    session.note(
      "logged in to \(endpoint); the login is saved in \(path), and later sessions start "
        + "there too until 'auth logout'")
    forgetContext()
    return try await info()
  }

  /// Clears the product and device group in use, which belong to the account before.
  private func forgetContext() {
    let context = session.context
    session.context = SessionContext()
    guard context.productID != nil || context.deviceGroupID != nil else { return }
    session.note("the product and device group in use belonged to the other login; cleared them")
  }

  func logout(local: Bool) async throws -> Value {
    let path = savePath(local: local)
    let connection = session.connection
    if connection.isSandbox {
      await connection.client.session.clear()
      session.note("logged out of the sandbox; 'auth login --user sandbox --pwd …' logs in again")
      return .null
    }
    guard FileManager.default.fileExists(atPath: path) else {
      throw CommandError(
        "auth.noSavedLogin", "there is no saved login at '\(path)'",
        help: [
          local
            ? "Leave out --local to log out of the login saved for every folder."
            : "Add --local to log out of the login saved for this folder."
        ])
    }
    try FileManager.default.removeItem(atPath: path)
    session.note("removed the saved login at \(path)")
    if connection.savedLoginPath == path {
      await connection.client.session.clear()
      try await switchToSandbox()
    }
    return .null
  }

  /// Moves the session from the login it just forgot to the default sandbox.
  private func switchToSandbox() async throws {
    let path = session.dataFolder.sandboxPath
    session.connection = try await session.connector.openSandbox(path: path, reason: "default")
    session.context = SessionContext()
    session.note("the session now uses the default sandbox at \(path)")
  }

  func info() async throws -> Value {
    let connection = session.connection
    let state = await connection.client.session.state
    var fields: [(String, Value)] = [
      ("backend", .string(Self.backend(connection))),
      ("endpoint", .string(connection.endpoint ?? "in-process sandbox")),
      ("saved_in", connection.savedLoginPath.map(Value.string) ?? .null),
    ]
    guard let state else {
      return .record(Record(fields + [("logged_in", .bool(false))]))
    }
    fields += Self.tokenFields(state)
    let me = try await connection.client.me()
    fields += [
      ("username", me.username.map(Value.string) ?? .null),
      ("email", me.email.map(Value.string) ?? .null), ("account_id", .string(me.id)),
    ]
    return .record(Record(fields))
  }

  private func logIn(_ client: ImpCentralClient, _ request: LoginRequest) async throws {
    switch request.method {
    case .password(let user, let password, let code):
      try await PasswordLogin(client: client, interaction: session.interaction)
        .run(user: user, password: password, oneTimePassword: code)
    case .loginKey(let key):
      _ = try await client.login(loginKey: key)
    }
    if request.temporary { await client.session.setRenewal(.none) }
  }

  private func save(
    _ client: ImpCentralClient, to path: String, endpoint: String, local: Bool
  ) async throws {
    guard let state = await client.session.state else { return }
    do {
      if !local { try session.dataFolder.create() }
      try AuthFile(state: state, endpoint: endpoint).write(to: path)
    } catch {
      throw CommandError(
        "auth.cannotSave", "logged in, but cannot save the login to '\(path)'",
        help: ["Check that the folder exists and is writable, or log in with --local."])
    }
  }

  /// Where a login is saved: the working folder's file with `local`, else the user's.
  func savePath(local: Bool) -> String {
    local ? session.workingFolder + "/.imptsh.auth" : session.dataFolder.authPath
  }

  private static func backend(_ connection: Connection) -> String {
    if connection.isSandbox { return "sandbox" }
    return connection.servedSandbox == nil ? "impCentral API" : "sandbox served by imptsh"
  }

  private static func tokenFields(_ state: AuthState) -> [(String, Value)] {
    let method: String
    switch state.renewal {
    case .refreshToken: method = "user and password"
    case .loginKey: method = "login key"
    case .none: method = "temporary (no renewal)"
    }
    let minutes = Int(state.expiresAt.timeIntervalSinceNow / 60)
    let expiry = minutes > 0 ? "expires in \(minutes) minutes" : "expired"
    return [
      ("logged_in", .bool(true)), ("login_method", .string(method)),
      ("auto_renewal", .bool(state.renewal != .none)), ("access_token", .string(expiry)),
    ]
  }
}

extension Connection {
  /// The endpoint of an HTTP backend; nil for the sandbox.
  var endpoint: String? {
    guard !isSandbox, let transport = client.transport as? HTTPTransport else { return nil }
    return transport.baseURL.absoluteString
  }
}

extension ImpCentralClient {
  /// The same client over another login session.
  func with(session: AuthSession) -> ImpCentralClient {
    ImpCentralClient(
      transport: transport, session: session, mode: mode, retryPolicy: retryPolicy,
      observer: observer, logger: logger, clock: clock)
  }
}
