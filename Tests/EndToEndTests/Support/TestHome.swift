import Foundation

/// A throwaway user for child processes: its own HOME, data folder and working folder,
/// and an environment with nothing of the real user's logins in it.
struct TestHome: Sendable {
  /// The temporary folder holding everything else.
  let root: String

  /// Creates the folders under a new temporary folder.
  init() throws {
    root = NSTemporaryDirectory() + "imptsh-e2e-" + UUID().uuidString
    for folder in [home, dataHome, workingFolder] {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
  }

  /// `$HOME`, where impt keeps `.impt.auth`.
  var home: String { root + "/home" }
  /// `$XDG_DATA_HOME`; imptsh keeps its own login in `imptsh/auth.json` under it.
  var dataHome: String { root + "/data" }
  /// The working folder of every child.
  var workingFolder: String { root + "/work" }
  /// imptsh's saved login.
  var imptshAuthPath: String { dataHome + "/imptsh/auth.json" }
  /// impt's global saved login.
  var imptAuthPath: String { home + "/.impt.auth" }

  /// The environment of a child: this user's folders, no colour, no proxy for loopback,
  /// plus `extra`.
  func environment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = [
      "HOME": home, "XDG_DATA_HOME": dataHome, "NO_COLOR": "1",
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "no_proxy": "127.0.0.1,localhost", "NO_PROXY": "127.0.0.1,localhost",
    ]
    environment.merge(extra) { _, new in new }
    return environment
  }

  /// A child running imptsh with `arguments`, not yet started.
  func imptsh(
    _ arguments: [String], environment extra: [String: String] = [:], input: String? = nil
  ) throws -> ChildProcess {
    ChildProcess(
      try ImptshBinary.path(), arguments, environment: environment(extra),
      folder: workingFolder, input: input.map { Data($0.utf8) })
  }

  /// Runs imptsh to the end and returns its status and output.
  func run(
    _ arguments: [String], environment extra: [String: String] = [:], input: String? = nil,
    seconds: Double = 60
  ) async throws -> RunResult {
    let child = try imptsh(arguments, environment: extra, input: input)
    try child.start()
    let status = try await child.wait(seconds: seconds)
    return RunResult(status: status, out: child.standardOutput, err: child.standardError)
  }

  /// Removes the folders.
  func remove() {
    try? FileManager.default.removeItem(atPath: root)
  }
}

/// How a finished imptsh went.
struct RunResult: Sendable, CustomStringConvertible {
  var status: Int32
  var out: String
  var err: String

  var description: String { "status \(status)\nstdout:\n\(out)\nstderr:\n\(err)" }
}
