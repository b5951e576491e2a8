import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `imptsh --serve --port 0` running as a child process on a throwaway sandbox.
struct ServeProcess: Sendable {
  /// The API base it printed: `http://127.0.0.1:PORT/v5`.
  let url: String
  let child: ChildProcess

  /// Starts the server for `home` with the serve settings in `environment`, and waits
  /// for the URL it prints.
  static func start(
    _ home: TestHome, environment: [String: String] = [:]
  ) async throws -> ServeProcess {
    let child = try home.imptsh(
      ["--serve", "--port", "0", "--sandbox", ":memory:"], environment: environment)
    try child.start()
    let deadline = Date(timeIntervalSinceNow: 30)
    while Date() < deadline {
      if let line = child.standardOutput.split(separator: "\n").first,
        child.standardOutput.contains("\n")
      {
        return ServeProcess(url: String(line), child: child)
      }
      if !child.isRunning { break }
      try await Task.sleep(for: .milliseconds(20))
    }
    child.send(SIGKILL)
    throw NoURL(errors: child.standardError)
  }

  /// The server's origin, `http://127.0.0.1:PORT`.
  var origin: String {
    url.hasSuffix("/v5") ? String(url.dropLast(3)) : url
  }

  /// Stops the server as Ctrl-C would; returns its exit status.
  @discardableResult
  func stop() async throws -> Int32 {
    child.send(SIGINT)
    return try await child.wait(seconds: 15)
  }

  /// The server exited or stayed silent instead of printing its URL.
  struct NoURL: Error, CustomStringConvertible {
    var errors: String
    var description: String { "imptsh --serve printed no URL; stderr:\n\(errors)" }
  }
}

/// Runs `body` with a new user and a server for it; stops the server and removes the
/// user's folders afterwards, whatever happens.
func withServedSandbox(
  environment: [String: String] = [:],
  _ body: (TestHome, ServeProcess) async throws -> Void
) async throws {
  let home = try TestHome()
  defer { home.remove() }
  let server = try await ServeProcess.start(home, environment: environment)
  do {
    try await body(home, server)
  } catch {
    _ = try? await server.stop()
    throw error
  }
  let status = try await server.stop()
  #expect(status == 0, "imptsh --serve did not stop cleanly: \(server.child.standardError)")
}
