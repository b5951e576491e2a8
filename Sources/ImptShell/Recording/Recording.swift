import Foundation
import ImptCommands
import ImptLanguage

/// A recording in progress: the session's successful entries, written as a replayable
/// `.imptsh` script without secrets.
struct Recording: Sendable {
  /// The file being written.
  let path: String

  /// Starts or stops recording, as `record start FILE` and `record stop` ask.
  static func apply(_ request: RecordRequest, to session: ShellSession) throws {
    switch request {
    case .start(let path):
      let full = path.hasPrefix("/") ? path : session.workingFolder + "/" + path
      try start(full, session)
      session.recording = Recording(path: full)
      session.note("recording successful statements to \(path); 'record stop' ends it")
    case .stop:
      guard let recording = session.recording else {
        throw CommandError(
          "record.notRecording", "nothing is being recorded",
          help: ["Start with 'record start FILE'."])
      }
      session.recording = nil
      session.note("stopped recording to \(recording.path)")
    }
  }

  private static func start(_ path: String, _ session: ShellSession) throws {
    var header = "#!/usr/bin/env imptsh\n# recorded by imptsh on \(Date())\n"
    let context = session.context
    if let group = context.deviceGroupID {
      header += "use dg \(Quoting.word(group))\n"
    } else if let product = context.productID {
      header += "use product \(Quoting.word(product))\n"
    }
    guard FileManager.default.createFile(atPath: path, contents: Data(header.utf8)) else {
      throw CommandError(
        "record.cannotWrite", "cannot write '\(path)'",
        help: ["Choose a file in a folder you can write to."])
    }
  }

  /// Appends an entry that ran successfully, with every secret replaced by `***`.
  func append(_ text: String, secrets: [SourceRange]) {
    let masked = SecretMasking.mask(text, ranges: secrets)
    let line = String(masked.drop { $0 == "\n" })
    guard let handle = FileHandle(forWritingAtPath: path) else { return }
    defer { try? handle.close() }
    _ = try? handle.seekToEnd()
    try? handle.write(contentsOf: Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
  }
}

/// Quotes a word for a script line when it needs quoting.
enum Quoting {
  /// `MyDG` stays; `My DG` becomes `"My DG"`.
  static func word(_ text: String) -> String {
    let plain =
      !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_.:".contains($0) }
    if plain { return text }
    let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "$", with: "\\$")
    return "\"\(escaped)\""
  }
}

/// Replaces the secret parts of source text.
enum SecretMasking {
  /// `text` with each range (1-based lines and columns, end exclusive) replaced by `***`.
  static func mask(_ text: String, ranges: [SourceRange]) -> String {
    guard !ranges.isEmpty else { return text }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for range in ranges.sorted(by: { $0.start > $1.start }) where range.start.line == range.end.line
    {
      let index = range.start.line - 1
      guard lines.indices.contains(index) else { continue }
      var characters = Array(lines[index])
      let from = max(0, range.start.column - 1)
      let to = min(characters.count, max(from, range.end.column - 1))
      characters.replaceSubrange(from..<to, with: Array("***"))
      lines[index] = String(characters)
    }
    return lines.joined(separator: "\n")
  }
}
