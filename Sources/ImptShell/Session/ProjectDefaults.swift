import ImptCommands
import ImptLanguage

/// Starts a session in the device group of the working folder's `.impt.project`.
struct ProjectDefaults {
  let session: ShellSession

  /// Uses the project's device group; says why not when it cannot.
  func apply() async {
    let project: ProjectFile?
    do {
      project = try ProjectFile.read(inFolder: session.workingFolder)
    } catch {
      session.note("ignoring \(ProjectFile.fileName): it names no device group")
      return
    }
    guard let project else { return }
    do {
      try await ContextSwitch(session: session).useGroup(.string(project.deviceGroupId))
    } catch {
      session.note(
        "ignoring \(ProjectFile.fileName): its device group \(project.deviceGroupId) "
          + "is not in this account")
    }
  }
}
