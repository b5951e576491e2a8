import Foundation
import Testing

/// How imptsh copes with the failures `IMPTSH_SERVE_FAULTS` injects into `imptsh --serve`.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct FaultHandlingTests {
  /// Logs in over HTTP, so later runs need neither a login nor `--endpoint`.
  private func logIn(_ home: TestHome, _ server: ServeProcess) async throws {
    let login = try await home.run(
      ["--endpoint", server.url, "-c", "auth login --user sandbox --pwd sandbox"])
    try #require(login.status == 0, "\(login)")
  }

  @Test(
    "rate limits are waited out, and only long waits are announced",
    arguments: [("429x2@GET@/products", false), ("429:3@GET@/products", true)])
  func rateLimitsAreWaitedOut(faults: String, announced: Bool) async throws {
    try await withServedSandbox(environment: ["IMPTSH_SERVE_FAULTS": faults]) { home, server in
      try await logIn(home, server)
      let result = try await home.run(["-c", "product list"])
      #expect(result.status == 0, "\(result)")
      #expect(result.err.contains("waiting 3.0 s before trying again") == announced, "\(result)")
      #expect(!result.err.contains("error"))
    }
  }

  @Test func aServedRateLimitSlowsCommandsDownWithoutFailingThem() async throws {
    try await withServedSandbox(environment: ["IMPTSH_SERVE_RATE_LIMIT": "2/1"]) {
      home, server in
      try await logIn(home, server)
      let result = try await home.run(
        ["-c", "product create --name A; product create --name B; product list"])
      #expect(result.status == 0, "\(result)")
      #expect(result.out.contains("A") && result.out.contains("B"))
    }
  }

  @Test(
    "reads are sent again after a server failure or a dropped connection",
    arguments: ["500@GET@/products", "503x2@GET@/products", "drop@GET@/products"])
  func readsAreRetried(faults: String) async throws {
    try await withServedSandbox(environment: ["IMPTSH_SERVE_FAULTS": faults]) { home, server in
      try await logIn(home, server)
      let result = try await home.run(["-c", "product list"])
      #expect(result.status == 0, "\(result)")
      #expect(!result.err.contains("error"))
    }
  }

  @Test(
    "a failed write is reported and never silently sent twice",
    arguments: ["500@POST@/products", "drop@POST@/products"])
  func writesAreNotRetried(faults: String) async throws {
    try await withServedSandbox(environment: ["IMPTSH_SERVE_FAULTS": faults]) { home, server in
      try await logIn(home, server)
      let result = try await home.run(["-c", "product create --name Once"])
      #expect(result.status == 1, "\(result)")
      #expect(result.err.contains("may or may not have taken effect"), "\(result)")
      #expect(result.err.contains("help: "))
      let after = try await home.run(["-c", "product list"])
      #expect(after.status == 0, "\(after)")
      #expect(!after.out.contains("Once"))
    }
  }
}
