import Foundation

/// impt's `.impt.project`: links a folder to a device group and its source files.
///
/// imptsh reads it to set the starting device group of a session.
public struct ProjectFile: Sendable, Hashable, Codable {
  public var deviceGroupId: String
  public var deviceFile: String?
  public var agentFile: String?

  /// The name of the file in a working folder.
  public static let fileName = ".impt.project"

  /// Reads the project file in `folder`; nil when there is none.
  ///
  /// Throws `ProjectFileError.corrupted` when the file exists but names no device group.
  public static func read(inFolder folder: String) throws -> ProjectFile? {
    let path = folder + "/" + fileName
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    guard let file = try? JSONDecoder().decode(ProjectFile.self, from: data),
      !file.deviceGroupId.isEmpty
    else { throw ProjectFileError.corrupted(path: path) }
    return file
  }
}

/// A project file that cannot be used.
public enum ProjectFileError: Error, Sendable, Equatable {
  case corrupted(path: String)
}
