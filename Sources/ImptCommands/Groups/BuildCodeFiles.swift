import Foundation

/// Reads and writes the device and agent code files of `build deploy`, `build run` and
/// `build get`.
///
/// Relative paths are taken from the session's working folder (for the files of an impt
/// project, from the project's folder); messages show the path as the user typed it.
struct BuildCodeFiles {
  /// The folder relative paths start from.
  let folder: String

  /// The code of the file an option names, or nil when the option was not given.
  func read(_ arguments: Arguments, option: String) throws -> String? {
    guard let path = arguments.string(option) else { return nil }
    let label = Self.label(option)
    let missing = CommandError(
      "command.fileNotFound", "\(label) file '\(path)' was not found",
      help: ["Check the path given to --\(option); relative paths start at '\(folder)'."])
    return try read(path, missing: missing, label: label, option: option)
  }

  /// The code of the file `project` names for `option`, or nil when it names none.
  ///
  /// Read from the folder holding the project file; a named file that is not there is
  /// an error that names the project file.
  static func read(_ project: ProjectCode, option: String) throws -> String? {
    guard let path = project.file(for: option) else { return nil }
    let label = label(option)
    let key = option == "agent-file" ? "agentFile" : "deviceFile"
    let missing = CommandError(
      "command.fileNotFound",
      "\(label) file '\(path)' named in '\(project.projectFile)' was not found",
      help: [
        "Create it in '\(project.folder)', correct '\(key)' in the project file, "
          + "or give --\(option)."
      ])
    return try BuildCodeFiles(folder: project.folder)
      .read(path, missing: missing, label: label, option: option)
  }

  private func read(
    _ path: String, missing: CommandError, label: String, option: String
  ) throws -> String {
    let full = resolve(path)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) else {
      throw missing
    }
    guard !isFolder.boolValue else {
      throw CommandError(
        "command.fileUnreadable", "'\(path)' is a folder, not a \(label) file",
        help: ["Give --\(option) the path of a Squirrel source file."])
    }
    guard let data = FileManager.default.contents(atPath: full),
      let text = String(data: data, encoding: .utf8)
    else {
      throw CommandError(
        "command.fileUnreadable", "\(label) file '\(path)' could not be read as text",
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
