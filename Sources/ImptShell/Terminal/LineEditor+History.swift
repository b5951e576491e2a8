import CEditLine
import Foundation

extension LineEditor {
  /// The number of entries history keeps.
  public static let historySize: Int32 = 1000

  /// Sizes history, drops repeated entries, and loads the history file if there is one.
  func setUpHistory() {
    _ = ceditline_history_setsize(history, Self.historySize)
    _ = ceditline_history_setunique(history, 1)
    guard let historyFile else { return }
    do {
      try Self.prepare(historyFile)
    } catch {
      historyProblem = "cannot create the history file '\(historyFile)': \(error)"
      return
    }
    _ = ceditline_history_load(history, historyFile)
  }

  /// Stores an entry in history, redacted and without trailing blanks, and saves the
  /// history file.
  func remember(_ entry: String) {
    guard var stored = rules.redact(entry) else { return }
    while stored.last?.isWhitespace == true { stored.removeLast() }
    guard !stored.isEmpty else { return }
    _ = ceditline_history_enter(history, stored)

    guard let historyFile, historyProblem == nil else { return }
    if ceditline_history_save(history, historyFile) < 0 {
      historyProblem = "cannot write the history file '\(historyFile)'"
    }
  }

  /// Creates the file's folder (mode 0700) and the file itself (mode 0600) if missing,
  /// and narrows an existing file to mode 0600.
  private static func prepare(_ path: String) throws {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    try FileManager.default.createDirectory(
      at: folder, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])

    let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    guard fchmod(descriptor, 0o600) == 0 else {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
  }
}
