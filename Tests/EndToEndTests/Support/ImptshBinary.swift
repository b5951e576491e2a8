import Foundation

/// The built `imptsh` executable the end-to-end tests run as child processes.
///
/// Test targets cannot depend on an executable product, so it is found where the build
/// put it: next to the test bundle, else in `.build/debug` under the package root (found
/// from this file's path). `swift build --build-tests` builds both.
enum ImptshBinary {
  /// The path of the executable; throws a message saying how to build it when missing.
  static func path() throws -> String {
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
      return candidate
    }
    throw Missing(searched: candidates)
  }

  /// The package's root folder.
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()

  private static var candidates: [String] {
    var paths: [String] = []
    if let executable = Bundle.main.executableURL {
      paths.append(executable.deletingLastPathComponent().appendingPathComponent("imptsh").path)
    }
    paths.append(packageRoot + "/.build/debug/imptsh")
    return paths
  }

  /// The executable is not built.
  struct Missing: Error, CustomStringConvertible {
    var searched: [String]

    var description: String {
      "the imptsh executable is not built (looked in \(searched.joined(separator: ", ")))"
        + "\nhelp: Run 'swift build --build-tests' (scripts/test does) before the tests."
    }
  }
}
