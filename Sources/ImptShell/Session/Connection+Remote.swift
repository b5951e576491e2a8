import Foundation
import ImpCentral
import ImptCommands

/// Opening an impCentral-compatible API over HTTP.
extension Connector {
  func openRemote(endpoint: String, login: RemoteLogin, reason: String) async throws
    -> Connection
  {
    guard let url = URL(string: endpoint), url.scheme == "http" || url.scheme == "https" else {
      throw CommandError(
        "session.badEndpoint", "'\(endpoint)' is not an http or https URL",
        help: ["Give the API base, such as https://api.electricimp.com/v5."])
    }
    let transport = HTTPTransport(baseURL: url, logger: logger.child("http"))
    var savedPath: String?
    let session: AuthSession
    switch login {
    case .saved(let path, let file):
      savedPath = path
      session = AuthSession(state: Self.state(from: file), onChange: Self.saver(path, endpoint))
    default:
      session = AuthSession()
    }
    let client = makeClient(transport, session: session)
    let served = await ServedSandbox.probe(url, hosts: sandboxHosts, logger: logger)
    try await logIn(client, login)
    var connection = Connection(
      client: client, sandbox: nil, label: Self.label(url, served: served != nil),
      banner: "connected to \(endpoint) (\(Self.describe(login, reason)))",
      savedLoginPath: savedPath)
    connection.servedSandbox = served
    connection.reason = reason
    if served != nil {
      connection.banner =
        "connected to \(endpoint), a sandbox served by imptsh (emulated impCentral, "
        + "no real devices; \(Self.describe(login, reason)))"
    }
    return connection
  }

  /// The prompt's name for an endpoint: its host, or `sandbox@HOST:PORT` when served.
  static func label(_ url: URL, served: Bool) -> String {
    let host = url.host ?? url.absoluteString
    guard served else { return host }
    return "sandbox@" + host + (url.port.map { ":\($0)" } ?? "")
  }

  private func logIn(_ client: ImpCentralClient, _ login: RemoteLogin) async throws {
    switch login {
    case .loginKey(let key):
      _ = try await client.login(loginKey: Secret(key))
    case .user(let user, let password):
      let secret: Secret
      if let password { secret = Secret(password) } else { secret = try await askPassword(user) }
      try await PasswordLogin(client: client, interaction: interaction)
        .run(user: user, password: secret, oneTimePassword: nil)
    case .saved, .none:
      break
    }
  }

  private func askPassword(_ user: String) async throws -> Secret {
    guard interaction.isInteractive,
      let text = await interaction.readSecret(prompt: "password for \(user): ")
    else {
      throw CommandError(
        "session.noPassword", "IMPT_USER is set but IMPT_PASSWORD is not",
        help: ["Set IMPT_PASSWORD, or run imptsh in a terminal to be asked for it."])
    }
    return Secret(text)
  }

  /// The session state a saved login holds.
  static func state(from file: AuthFile) -> AuthState {
    let renewal: TokenRenewal =
      file.loginKey.map { .loginKey(Secret($0)) }
      ?? file.refreshToken.map { .refreshToken(Secret($0)) } ?? .none
    return AuthState(
      accessToken: Secret(file.accessToken), expiresAt: file.expiry ?? .distantPast,
      renewal: renewal)
  }

  /// Writes renewed tokens back to the saved-login file, keeping its form.
  static func saver(_ path: String, _ endpoint: String) -> @Sendable (AuthState?) -> Void {
    { state in
      guard let state else { return }
      try? AuthFile(state: state, endpoint: endpoint).write(to: path)
    }
  }

  private static func describe(_ login: RemoteLogin, _ reason: String) -> String {
    switch login {
    case .saved(let path, _): "login saved in \(path)"
    case .loginKey: "login key from IMPT_LOGINKEY"
    case .user(let user, _): "user '\(user)' from IMPT_USER"
    case .none: "not logged in yet: run 'auth login'"
    }
  }
}

extension AuthFile {
  /// A saved login for `state` at `endpoint`.
  init(state: AuthState, endpoint: String) {
    var refresh: String?
    var key: String?
    switch state.renewal {
    case .refreshToken(let token): refresh = token.revealed
    case .loginKey(let secret): key = secret.revealed
    case .none: break
    }
    self.init(
      endpoint: endpoint, accessToken: state.accessToken.revealed,
      expiresAt: Timestamp.string(from: state.expiresAt), refreshToken: refresh, loginKey: key)
  }
}

/// A password login with its two-factor step.
struct PasswordLogin {
  let client: ImpCentralClient
  let interaction: any Interaction

  /// Logs in, asking for the one-time password when the account needs one and none was
  /// given.
  func run(user: String, password: Secret, oneTimePassword: Secret?) async throws {
    let result = try await client.login(id: user, password: password)
    guard case .needsOneTimePassword(let loginToken) = result else { return }
    let code: Secret
    if let oneTimePassword { code = oneTimePassword } else { code = try await askCode() }
    _ = try await client.login(oneTimePassword: code, loginToken: loginToken)
  }

  private func askCode() async throws -> Secret {
    guard interaction.isInteractive,
      let code = await interaction.readSecret(prompt: "one-time password: ")
    else {
      throw CommandError(
        "session.needsOneTimePassword", "the account uses two-factor authentication",
        help: ["Pass the one-time password with --otp, or log in from a terminal."])
    }
    return Secret(code)
  }
}
