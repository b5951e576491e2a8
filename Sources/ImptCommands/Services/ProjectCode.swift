import Foundation

/// The code files an impt project file (`.impt.project`) names for its device group.
///
/// `build deploy` and `build run` deploy them, as impt does, when they deploy to the
/// project's device group and `--device-file` or `--agent-file` is left out. Relative
/// names start at the folder that holds the project file.
public struct ProjectCode: Sendable, Hashable {
  /// The id of the project's device group.
  public var deviceGroupID: String
  /// The path of the project file itself, for messages.
  public var projectFile: String
  /// The device code file as the project names it (`deviceFile`), if it names one.
  public var deviceFile: String?
  /// The agent code file as the project names it (`agentFile`), if it names one.
  public var agentFile: String?

  /// Creates the project's code files; empty names count as none.
  public init(
    deviceGroupID: String, projectFile: String, deviceFile: String?, agentFile: String?
  ) {
    self.deviceGroupID = deviceGroupID
    self.projectFile = projectFile
    self.deviceFile = deviceFile.flatMap { $0.isEmpty ? nil : $0 }
    self.agentFile = agentFile.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The folder relative file names start at: the one holding the project file.
  public var folder: String {
    URL(fileURLWithPath: projectFile).deletingLastPathComponent().path
  }

  /// The file the project names for `--device-file` or `--agent-file`.
  func file(for option: String) -> String? {
    option == "agent-file" ? agentFile : deviceFile
  }
}
