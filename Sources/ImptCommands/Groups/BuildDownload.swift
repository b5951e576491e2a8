import ImpCentral
import ImptLanguage

/// `build get`: writes a build's device and agent code to the files the options name.
struct BuildDownload {
  let services: any CommandServices
  let build: Deployment

  /// Checks the options, asks before overwriting existing files, then writes the code;
  /// a dry run writes nothing and says what it would write.
  func run(_ arguments: Arguments) async throws {
    let writes = try planned(arguments)
    let files = BuildCodeFiles(folder: services.workingFolder)
    let existing = writes.map(\.path).filter(files.exists)
    if !existing.isEmpty {
      try await Confirmation.require(
        services, arguments,
        summary: ["imptsh will overwrite these files:"] + existing.map { "  '\($0)'" },
        question: "Overwrite them?")
    }
    let verb = services.isDryRun ? "would write" : "wrote"
    for write in writes {
      if !services.isDryRun { try files.write(write.code, to: write.path) }
      services.note(
        "\(verb) the \(write.label) of \(DeletePlan.describe(build)) to '\(write.path)'")
    }
  }

  /// One file to write: where, what, and which code it is.
  private struct CodeWrite {
    let path: String
    let code: String
    let label: String
  }

  /// The files to write, with their code, after checking the options fit together.
  private func planned(_ arguments: Arguments) throws -> [CodeWrite] {
    let deviceOnly = arguments.flag("device-only")
    let agentOnly = arguments.flag("agent-only")
    if deviceOnly, agentOnly {
      throw CommandError(
        "command.conflictingOptions",
        "'--device-only' and '--agent-only' together leave nothing to write",
        help: ["Give at most one of them."])
    }
    var writes: [CodeWrite] = []
    if !agentOnly {
      let path = try path(arguments, "device-file", other: "agent-only")
      writes.append(CodeWrite(path: path, code: build.deviceCode ?? "", label: "device code"))
    }
    if !deviceOnly {
      let path = try path(arguments, "agent-file", other: "device-only")
      writes.append(CodeWrite(path: path, code: build.agentCode ?? "", label: "agent code"))
    }
    return writes
  }

  private func path(_ arguments: Arguments, _ option: String, other: String) throws -> String {
    guard let path = arguments.string(option) else {
      throw CommandError(
        "command.missingOption",
        "no '--\(option)' was given to write the \(BuildCodeFiles.label(option)) to",
        help: ["Give --\(option) FILE, or add --\(other) to skip it."])
    }
    return path
  }
}
