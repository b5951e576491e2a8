import Foundation

/// Where imptsh keeps its own files: history, saved login, the default sandbox.
///
/// `$XDG_DATA_HOME/imptsh`, or `~/.local/share/imptsh` when that is unset.
public struct DataFolder: Sendable, Hashable {
  public var path: String

  /// The folder for the given environment.
  public init(environment: [String: String]) {
    if let base = environment["XDG_DATA_HOME"], !base.isEmpty {
      path = base + "/imptsh"
    } else {
      let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
      path = home + "/.local/share/imptsh"
    }
  }

  /// The path of `name` inside the folder.
  public func file(_ name: String) -> String { path + "/" + name }

  /// The default sandbox database.
  public var sandboxPath: String { file("sandbox.sqlite") }
  /// The line editor's history.
  public var historyPath: String { file("history") }
  /// imptsh's own saved login.
  public var authPath: String { file("auth.json") }

  /// Creates the folder (mode 0700) if it does not exist.
  public func create() throws {
    try FileManager.default.createDirectory(
      atPath: path, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
  }
}
