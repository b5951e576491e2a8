/// A failure of the sandbox's own Swift API: opening a database or simulating hardware.
///
/// API requests never throw; their failures are error documents. These errors are for the
/// shell's `sandbox` commands, in the shell's voice, each with a stable id.
public struct SandboxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What kind of failure this is; the raw value is the message id.
  public enum Code: String, Sendable, Equatable {
    case notFound = "sandbox.notFound"
    case wrongGroupType = "sandbox.wrongGroupType"
    case noDeployment = "sandbox.noDeployment"
    case noFixture = "sandbox.noFixture"
    case notBlessed = "sandbox.notBlessed"
    case invalidArgument = "sandbox.invalidArgument"
    case storage = "sandbox.storage"
    case newerDatabase = "sandbox.newerDatabase"
  }

  /// The kind of failure.
  public var code: Code
  /// What went wrong: lowercase, no final period, the user's text in single quotes.
  public var message: String
  /// A full sentence on how to recover, if there is one.
  public var help: String?

  /// Creates an error.
  public init(_ code: Code, _ message: String, help: String? = nil) {
    self.code = code
    self.message = message
    self.help = help
  }

  /// The stable message id, such as `sandbox.noFixture`.
  public var id: String { code.rawValue }

  public var description: String {
    help.map { "\(message)\nhelp: \($0)" } ?? message
  }

  static func newerDatabase(path: String, version: Int) -> SandboxError {
    SandboxError(
      .newerDatabase,
      "the sandbox database '\(path)' has schema version \(version), newer than this "
        + "imptsh understands (\(Schema.version))",
      help: "Use a newer imptsh, or point --sandbox at another file.")
  }

  static func storage(_ error: DatabaseError) -> SandboxError {
    SandboxError(
      .storage, "the sandbox database failed: \(error.message) (sqlite code \(error.code))",
      help: "Check that the database file is writable and not corrupt.")
  }
}
