import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A served sandbox's hardware driven over HTTP, and the production guide run against it.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ServedSandboxTests {
  private func logIn(_ home: TestHome, _ server: ServeProcess) async throws {
    let login = try await home.run(
      ["--endpoint", server.url, "-c", "auth login --user sandbox --pwd sandbox"])
    try #require(login.status == 0, "\(login)")
  }

  @Test func aLogStreamReceivesALineEmittedFromAnotherShell() async throws {
    try await withServedSandbox { home, server in
      try await logIn(home, server)
      let added = try await home.run(["-c", "sandbox device add --count 1 --name probe"])
      try #require(added.status == 0, "\(added)")
      let stream = try home.imptsh(["-c", "log stream --device probe-1"])
      try stream.start()
      let following = await stream.waitForError("following the logs", seconds: 20)
      try #require(following, "the stream did not open: \(stream.standardError)")

      let emitted = try await home.run(
        ["-c", "sandbox log --device probe-1 --text 'hello from the line'"])
      #expect(emitted.status == 0, "\(emitted)")
      #expect(await stream.waitForOutput("hello from the line", seconds: 20))
      stream.send(SIGINT)
      let status = try await stream.wait(seconds: 20)
      #expect(status == 0, "\(stream.standardError)")
      #expect(stream.standardOutput.contains("[server.log] hello from the line"))
      #expect(stream.standardError.contains("stopped following the logs"))
    }
  }

  @Test func sandboxCommandsAreRefusedWhereNoSandboxIsServed() async throws {
    let home = try TestHome()
    defer { home.remove() }
    let result = try await home.run(
      ["--endpoint", "http://127.0.0.1:9/v5", "-c", "sandbox device add --count 1"])
    #expect(result.status == 2, "\(result)")
    #expect(result.err.contains("sandbox"))
  }

  @Test func theProductionGuideRunsOverHTTP() async throws {
    let guide = ImptshBinary.packageRoot + "/scripts/production-guide.imptsh"
    try #require(
      FileManager.default.fileExists(atPath: guide), "the production guide is not at \(guide)")
    try await withServedSandbox { home, server in
      try await logIn(home, server)
      let result = try await home.run(["--endpoint", server.url, guide], seconds: 150)
      #expect(result.status == 0, "\(result)")
      #expect(result.out.contains("== Cleaning up"))
    }
  }
}
