import Foundation

/// Which service a session talks to, and how it logs in there.
public enum BackendChoice: Sendable, Equatable {
  /// The embedded sandbox, in a database file or `:memory:`.
  case sandbox(path: String, reason: String)
  /// An impCentral-compatible API over HTTP.
  case remote(endpoint: String, login: RemoteLogin, reason: String)

  /// Why this backend was chosen, for the banner: `--sandbox`, `IMPT_LOGINKEY`, ….
  public var reason: String {
    switch self {
    case .sandbox(_, let reason), .remote(_, _, let reason): reason
    }
  }
}

/// How a remote session gets its access token.
public enum RemoteLogin: Sendable, Equatable {
  /// A saved login file, imptsh's own or impt's.
  case saved(path: String, file: AuthFile)
  /// impt's `IMPT_LOGINKEY`: exchanged for a token when the session starts.
  case loginKey(String)
  /// impt's `IMPT_USER` with `IMPT_PASSWORD`, or a password prompt when that is unset.
  case user(String, password: String?)
  /// Nobody is logged in yet: commands other than `auth login` fail until someone is.
  case none
}

/// Chooses the backend: `--sandbox`, `--endpoint`, the environment, a saved login, and
/// last the default sandbox in the user's data folder; the first that applies wins.
public struct BackendSelector: Sendable {
  /// The default impCentral endpoint.
  public static let defaultEndpoint = "https://api.electricimp.com/v5"

  public var sandboxFlag: String?
  public var endpointFlag: String?
  public var environment: [String: String]
  public var workingFolder: String
  public var dataFolder: DataFolder

  /// Creates a selector for the given flags and surroundings.
  public init(
    sandboxFlag: String?, endpointFlag: String?, environment: [String: String],
    workingFolder: String, dataFolder: DataFolder
  ) {
    self.sandboxFlag = sandboxFlag
    self.endpointFlag = endpointFlag
    self.environment = environment
    self.workingFolder = workingFolder
    self.dataFolder = dataFolder
  }

  /// The saved-login files in the order they are tried: imptsh's local and global
  /// files, then impt's (`IMPT_AUTH_FILE_PATH`, local, global).
  public var savedLoginPaths: [String] {
    var paths = [workingFolder + "/.imptsh.auth", dataFolder.authPath]
    if let folder = value("IMPT_AUTH_FILE_PATH") { paths.append(folder + "/.impt.auth") }
    paths.append(workingFolder + "/.impt.auth")
    if let home = value("HOME") { paths.append(home + "/.impt.auth") }
    return paths
  }

  /// The chosen backend. Throws `AuthFileError.corrupted` for an unreadable saved login.
  public func choose() throws -> BackendChoice {
    if let path = sandboxFlag { return .sandbox(path: path, reason: "--sandbox") }
    if let endpoint = endpointFlag {
      let login = try savedLogin(for: endpoint) ?? .none
      return .remote(endpoint: endpoint, login: login, reason: "--endpoint")
    }
    if let path = value("IMPTSH_SANDBOX") {
      return .sandbox(path: path, reason: "IMPTSH_SANDBOX")
    }
    if let choice = environmentLogin() { return choice }
    if let (path, file) = try firstSavedLogin() {
      return .remote(
        endpoint: file.endpoint, login: .saved(path: path, file: file), reason: path)
    }
    return .sandbox(path: dataFolder.sandboxPath, reason: "default")
  }

  private func environmentLogin() -> BackendChoice? {
    let endpoint = value("IMPT_ENDPOINT") ?? Self.defaultEndpoint
    if let key = value("IMPT_LOGINKEY") {
      return .remote(endpoint: endpoint, login: .loginKey(key), reason: "IMPT_LOGINKEY")
    }
    if let user = value("IMPT_USER") {
      let login = RemoteLogin.user(user, password: value("IMPT_PASSWORD"))
      return .remote(endpoint: endpoint, login: login, reason: "IMPT_USER")
    }
    return nil
  }

  private func firstSavedLogin() throws -> (String, AuthFile)? {
    for path in savedLoginPaths {
      if let file = try AuthFile.read(at: path) { return (path, file) }
    }
    return nil
  }

  private func savedLogin(for endpoint: String) throws -> RemoteLogin? {
    for path in savedLoginPaths {
      if let file = try AuthFile.read(at: path), Self.same(file.endpoint, endpoint) {
        return .saved(path: path, file: file)
      }
    }
    return nil
  }

  private static func same(_ left: String, _ right: String) -> Bool {
    func trimmed(_ text: String) -> String {
      text.hasSuffix("/") ? String(text.dropLast()) : text
    }
    return trimmed(left) == trimmed(right)
  }

  private func value(_ name: String) -> String? {
    guard let text = environment[name], !text.isEmpty else { return nil }
    return text
  }
}
