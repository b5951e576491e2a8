import Testing

@testable import ImptShell

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Serialized: the interrupt flag is one per process.
@Suite(.serialized) struct TerminalInterruptTests {
  private struct Refused: Error, Equatable {}

  init() {
    Interrupts.install()
    Interrupts.clear()
  }

  /// Sends SIGINT to the process, as the terminal does; any thread that does not block it
  /// runs the handler (dispatch workers block it, so `raise` from one would not do).
  private static func sendInterrupt() {
    kill(getpid(), SIGINT)
  }

  /// Waits until the handler has run; delivery to another thread is not instant.
  private static func waitForInterrupt() async throws {
    for _ in 0..<500 where !Interrupts.isPending {
      try await Task.sleep(for: .milliseconds(10))
    }
  }

  @Test("turns SIGINT into a pending interrupt instead of ending the process")
  func signalSetsFlag() async throws {
    Self.sendInterrupt()
    try await Self.waitForInterrupt()

    #expect(Interrupts.isPending)
    #expect(Interrupts.take())
    #expect(!Interrupts.take())
  }

  @Test("returns what the async work returned, and rethrows what it threw")
  func runBlockingReturnsAndRethrows() throws {
    #expect(try runBlocking { 42 } == 42)
    #expect(throws: Refused()) {
      try runBlocking { () async throws -> Int in throw Refused() }
    }
  }

  @Test("cancels the running work on Ctrl-C and reports a cancellation")
  func interruptCancelsWork() {
    #expect(throws: CancellationError.self) {
      try runBlocking {
        try await interruptible {
          Self.sendInterrupt()
          try await Task.sleep(for: .seconds(60))
        }
      }
    }
    #expect(!Interrupts.isPending)
  }

  @Test("reports any error of interrupted work as a cancellation")
  func interruptedErrorBecomesCancellation() {
    #expect(throws: CancellationError.self) {
      try runBlocking {
        try await interruptible {
          Interrupts.signal()
          do {
            try await Task.sleep(for: .seconds(60))
          } catch {
            throw Refused()
          }
        }
      }
    }
  }

  @Test("ignores an interrupt that arrived before the work started")
  func staleInterruptIsForgotten() throws {
    Interrupts.signal()

    #expect(try runBlocking { try await interruptible { "done" } } == "done")
  }

  @Test("passes through the errors of work that was not interrupted")
  func uninterruptedErrorsPassThrough() {
    #expect(throws: Refused()) {
      try runBlocking { try await interruptible { () async throws -> Int in throw Refused() } }
    }
  }
}
