import Foundation
import ImptCommands
import ImptLanguage

/// A recording in progress: the entries that ran successfully at the interactive prompt,
/// kept in memory and written as a replayable `.imptsh` script without secrets.
///
/// The file is made when recording starts, so its name is taken and known to be
/// writable, and written in full at `record stop` or when the session ends: only then
/// is it known which text a later line reads as a secret.
struct Recording: Sendable {
  /// The file being written.
  let path: String
  /// The `use` lines that restore the context the recording started in.
  let header: [String]
  /// When recording started.
  let started: Date
  /// The entries recorded so far.
  var entries: [RecordedEntry] = []

  /// Starts or stops recording, as `record start FILE` and `record stop` ask.
  static func apply(_ request: RecordRequest, to session: ShellSession) throws {
    switch request {
    case .start(let path):
      try start(path, session)
    case .stop:
      guard let recording = session.recording else {
        throw CommandError(
          "record.notRecording", "nothing is being recorded",
          help: ["Start with 'record start FILE'."])
      }
      session.recording = nil
      let secrets = try recording.write(session.catalogue)
      let needs =
        secrets.isEmpty
        ? "" : "; set \(secrets.joined(separator: ", ")) in the environment before replaying it"
      session.note("wrote the recording to \(recording.path)\(needs)")
    }
  }

  /// Writes the recording still running when the session ends, so nothing is lost.
  static func finish(_ session: ShellSession) {
    guard let recording = session.recording else { return }
    session.recording = nil
    do {
      _ = try recording.write(session.catalogue)
      session.note("the session ended while recording; wrote the recording to \(recording.path)")
    } catch {
      session.note("the session ended while recording, and \(error)")
    }
  }

  private static func start(_ path: String, _ session: ShellSession) throws {
    guard session.isInteractive else { throw RecordingRefusal.notInteractive }
    if let current = session.recording { throw RecordingRefusal.alreadyRecording(current.path) }
    let full = path.hasPrefix("/") ? path : session.workingFolder + "/" + path
    guard !FileManager.default.fileExists(atPath: full) else {
      throw RecordingRefusal.fileExists(path)
    }
    let placeholder = "#!/usr/bin/env imptsh\n# recording in progress; 'record stop' writes it\n"
    guard FileManager.default.createFile(atPath: full, contents: Data(placeholder.utf8)) else {
      throw RecordingRefusal.cannotWrite(path)
    }
    session.recording = Recording(path: full, header: header(session.context), started: Date())
    session.note("recording successful statements to \(path); 'record stop' ends it")
  }

  /// `use product "My Product"` and `use dg MyDevDG`, by name.
  private static func header(_ context: SessionContext) -> [String] {
    var lines: [String] = []
    if let product = context.productName ?? context.productID {
      lines.append("use product \(Quoting.word(product))")
    }
    if let group = context.deviceGroupName ?? context.deviceGroupID {
      lines.append("use dg \(Quoting.word(group))")
    }
    return lines
  }

  /// Keeps an entry that ran successfully.
  mutating func append(_ text: String, file: String, secrets: [SourceRange]) {
    let own = secrets.filter { $0.file == file }
    entries.append(RecordedEntry(text: text, file: file, secretRanges: own))
  }

  /// Writes the script; returns the environment variables its secrets are read from.
  private func write(_ catalogue: Catalogue) throws -> [String] {
    let script = RecordingScript(catalogue: catalogue, header: header, entries: entries)
      .rendered(recordedAt: started)
    do {
      try Data(script.text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
      throw RecordingRefusal.cannotWrite(path)
    }
    return script.secrets
  }
}

/// Why `record start` or writing a recording failed.
enum RecordingRefusal {
  static let notInteractive = CommandError(
    "record.notInteractive", "recording works only at the interactive prompt",
    help: [
      "A script or '-c' line is replayable as it is; run 'record start FILE' in the shell."
    ])

  static func alreadyRecording(_ path: String) -> CommandError {
    CommandError(
      "record.alreadyRecording", "already recording to '\(path)'",
      help: ["Run 'record stop' first, then start the new recording."])
  }

  static func fileExists(_ path: String) -> CommandError {
    CommandError(
      "record.fileExists", "'\(path)' already exists",
      help: ["Choose another file name; a recording never overwrites a file."])
  }

  static func cannotWrite(_ path: String) -> CommandError {
    CommandError(
      "record.cannotWrite", "cannot write '\(path)'",
      help: ["Choose a file in a folder you can write to."])
  }
}

/// Quotes a word for a script line when it needs quoting.
enum Quoting {
  /// `MyDG` stays; `My DG` becomes `"My DG"`.
  static func word(_ text: String) -> String {
    let plain =
      !text.isEmpty && !text.hasPrefix("-")
      && text.allSatisfy { $0.isLetter || $0.isNumber || "-_.:".contains($0) }
    if plain { return text }
    let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "$", with: "\\$")
    return "\"\(escaped.escapingControlCharacters)\""
  }
}
