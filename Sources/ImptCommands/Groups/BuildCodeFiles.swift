import Foundation

/// Reads and writes the device and agent code files of `build deploy`, `build run` and
/// `build get`.
///
/// Relative paths are taken from the session's working folder; messages show the path as
/// the user typed it.
struct BuildCodeFiles {
  /// The folder relative paths start from.
  let folder: String

  /// The code of the file an option names, or nil when the option was not given.
  func read(_ arguments: Arguments, option: String) throws -> String? {
    guard let path = arguments.string(option) else { return nil }
    let full = resolve(path)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) else {
      throw CommandError(
        "command.fileNotFound", "\(Self.label(option)) file '\(path)' was not found",
        help: ["Check the path given to --\(option); relative paths start at '\(folder)'."])
    }
    guard !isFolder.boolValue else {
      throw CommandError(
        "command.fileUnreadable", "'\(path)' is a folder, not a \(Self.label(option)) file",
        help: ["Give --\(option) the path of a Squirrel source file."])
    }
    guard let data = FileManager.default.contents(atPath: full),
      let text = String(data: data, encoding: .utf8)
    else {
      throw CommandError(
        "command.fileUnreadable", "\(Self.label(option)) file '\(path)' could not be read as text",
        help: ["Check that the file is readable and holds UTF-8 Squirrel source."])
    }
    return text
  }

  /// Whether the file at `path` exists.
  func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: resolve(path))
  }

  /// Writes `code` to `path`, replacing the file atomically.
  func write(_ code: String, to path: String) throws {
    do {
      try Data(code.utf8).write(to: URL(fileURLWithPath: resolve(path)), options: .atomic)
    } catch {
      throw CommandError(
        "command.fileWriteFailed", "could not write '\(path)'",
        help: ["Check that its folder exists and that you may write there."],
        details: ["\(error.localizedDescription)"])
    }
  }

  /// The absolute path of `path`: as given when absolute, else inside `folder`.
  func resolve(_ path: String) -> String {
    let expanded = NSString(string: path).expandingTildeInPath
    if expanded.hasPrefix("/") { return expanded }
    return URL(fileURLWithPath: folder, isDirectory: true)
      .appendingPathComponent(expanded).standardizedFileURL.path
  }

  /// `device code` for `--device-file`, `agent code` for `--agent-file`.
  static func label(_ option: String) -> String {
    option == "agent-file" ? "agent code" : "device code"
  }
}
