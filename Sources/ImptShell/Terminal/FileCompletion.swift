import Foundation

/// Completes file paths from the file system, relative to a working folder.
///
/// Hidden entries show only when the typed name starts with `.`; folders end with `/`
/// so the next Tab goes inside. `~/` stands for the home folder.
///
///     "scr"            →   ["scripts/"]
///     "scripts/pro"    →   ["scripts/production-guide/", "scripts/production-guide.imptsh"]
struct FileCompletion: Sendable {
  /// The folder relative paths start from.
  let workingFolder: @Sendable () -> String

  /// The paths that complete `typed`.
  func candidates(_ typed: String) -> [String] {
    let slash = typed.lastIndex(of: "/")
    let folderPart = slash.map { String(typed[...$0]) } ?? ""
    let namePart = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
    let folder = resolve(folderPart)
    let manager = FileManager.default
    guard let entries = try? manager.contentsOfDirectory(atPath: folder) else { return [] }
    return entries.filter { name in
      name.hasPrefix(namePart) && (namePart.hasPrefix(".") || !name.hasPrefix("."))
    }.map { name in
      var isFolder: ObjCBool = false
      let full = (folder as NSString).appendingPathComponent(name)
      let exists = manager.fileExists(atPath: full, isDirectory: &isFolder)
      return folderPart + name + (exists && isFolder.boolValue ? "/" : "")
    }
  }

  /// The folder a typed folder part names.
  private func resolve(_ folderPart: String) -> String {
    if folderPart.hasPrefix("/") { return folderPart }
    if folderPart.hasPrefix("~/") {
      return NSHomeDirectory() + "/" + folderPart.dropFirst(2)
    }
    let base = workingFolder()
    return folderPart.isEmpty ? base : base + "/" + folderPart
  }
}
