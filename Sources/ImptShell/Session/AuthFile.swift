import Foundation
import ImpCentral

/// A saved login, in the JSON form impt uses for `.impt.auth`.
///
/// imptsh reads impt's files so that someone logged in with impt is logged in here, and
/// writes its own in the same form. Files are created mode 0600.
public struct AuthFile: Sendable, Hashable, Codable {
  public var endpoint: String
  public var accessToken: String
  public var expiresAt: String
  public var refreshToken: String?
  public var loginKey: String?

  /// Creates a saved login.
  public init(
    endpoint: String, accessToken: String, expiresAt: String,
    refreshToken: String? = nil, loginKey: String? = nil
  ) {
    self.endpoint = endpoint
    self.accessToken = accessToken
    self.expiresAt = expiresAt
    self.refreshToken = refreshToken
    self.loginKey = loginKey
  }

  /// Reads the file at `path`; nil when it does not exist.
  ///
  /// Throws `AuthFileError.corrupted` when it exists but is not a saved login.
  public static func read(at path: String) throws -> AuthFile? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    guard let file = try? JSONDecoder().decode(AuthFile.self, from: data),
      !file.accessToken.isEmpty, !file.expiresAt.isEmpty
    else { throw AuthFileError.corrupted(path: path) }
    return file
  }

  /// Writes the file atomically with mode 0600, creating nothing but the file itself.
  public func write(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(self)
    let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
    guard
      FileManager.default.createFile(
        atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
    else { throw AuthFileError.unwritable(path: path) }
    guard rename(temporary, path) == 0 else {
      try? FileManager.default.removeItem(atPath: temporary)
      throw AuthFileError.unwritable(path: path)
    }
  }

  /// The instant the access token stops working, if the file says.
  public var expiry: Date? { Timestamp.date(from: expiresAt) }
}

/// A saved login that cannot be used.
public enum AuthFileError: Error, Sendable, Equatable {
  /// The file exists but does not hold a saved login.
  case corrupted(path: String)
  /// The file could not be written.
  case unwritable(path: String)
}
