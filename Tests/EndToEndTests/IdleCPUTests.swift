import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Waiting for the network costs no CPU (regression: the HTTP client spun a whole core
/// while it waited for an answer or followed a log stream).
///
/// These measure a resource, not time: the CPU the imptsh process uses over a 2-second
/// wait, read from `/proc/PID/stat`, must stay well under 0.5 s. A busy-waiting client
/// used about a second of it, more on a free core.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct IdleCPUTests {
  private static let allowedSeconds = 0.5

  /// The CPU seconds `child` uses over `seconds` of waiting.
  private func cpuUsed(by child: ChildProcess, over seconds: Double) async throws -> Double {
    let before = try #require(child.cpuSeconds, "the child has exited: \(child.standardError)")
    try await Task.sleep(for: .seconds(seconds))
    let after = try #require(child.cpuSeconds, "the child has exited: \(child.standardError)")
    return after - before
  }

  @Test func waitingForAServerThatNeverAnswersUsesAlmostNoCPU() async throws {
    let server = try SilentServer()
    let home = try TestHome()
    defer { home.remove() }
    let child = try home.imptsh(
      ["--endpoint", server.url, "-c", "auth login --user someone --pwd secret"])
    try child.start()
    defer { child.send(SIGKILL) }
    let deadline = Date(timeIntervalSinceNow: 20)
    while server.connectionCount == 0 && Date() < deadline {
      try await Task.sleep(for: .milliseconds(20))
    }
    try #require(server.connectionCount > 0, "imptsh never connected: \(child.standardError)")
    try await Task.sleep(for: .milliseconds(200))

    let used = try await cpuUsed(by: child, over: 2)
    #expect(used < Self.allowedSeconds, "imptsh used \(used) s of CPU while waiting 2 s")
  }

  @Test func followingALogStreamOverHTTPUsesAlmostNoCPU() async throws {
    try await withServedSandbox { home, server in
      let login = try await home.run(
        ["--endpoint", server.url, "-c", "auth login --user sandbox --pwd sandbox"])
      try #require(login.status == 0, "\(login)")
      let added = try await home.run(["-c", "sandbox device add --count 1 --name quiet"])
      try #require(added.status == 0, "\(added)")
      let stream = try home.imptsh(["-c", "log stream --device quiet-1"])
      try stream.start()
      defer { stream.send(SIGKILL) }
      let following = await stream.waitForError("following the logs", seconds: 20)
      try #require(following, "the stream did not open: \(stream.standardError)")

      let used = try await cpuUsed(by: stream, over: 2)
      #expect(used < Self.allowedSeconds, "imptsh used \(used) s of CPU following 2 s of logs")
    }
  }
}
