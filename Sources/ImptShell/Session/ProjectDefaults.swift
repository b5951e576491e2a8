import ImptCommands
import ImptLanguage

/// Starts a session in the device group of the working folder's `.impt.project`, with
/// the project's code files for `build deploy` and `build run`.
struct ProjectDefaults {
  let session: ShellSession

  /// Uses the project's device group and code files; says why not when it cannot.
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
      return
    }
    session.context.project = code(of: project)
  }

  /// The project's code files, for its device group as the session found it.
  private func code(of project: ProjectFile) -> ProjectCode? {
    guard let groupID = session.context.deviceGroupID else { return nil }
    return ProjectCode(
      deviceGroupID: groupID, projectFile: session.workingFolder + "/" + ProjectFile.fileName,
      deviceFile: project.deviceFile, agentFile: project.agentFile)
  }
}
