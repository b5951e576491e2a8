import CCurl
import Foundation
import Synchronization

/// Drives libcurl transfers on a thread of its own that sleeps while the service is silent.
///
/// The thread starts with the first transfer and ends when none is left; between events it
/// waits in `curl_multi_poll`, woken by the network, by libcurl's timers, by a new
/// transfer or by a cancellation. Connections stay in the multi handle's cache for reuse.
///
/// URLSession is not used because on Linux it busy-waits: its libcurl glue keeps a
/// socket's write-readiness source after libcurl stops asking for it, so while a response
/// is awaited that source fires without pause and a core spins (swift-corelibs-foundation,
/// `_SocketSources` in `URLSession/libcurl/MultiHandle.swift`).
final class CurlEngine: @unchecked Sendable {
  // Safe: `multi` and `active` are used only by `run()`, and `Inbox.running` makes sure at
  // most one thread runs it at a time. Other threads reach the engine only through `inbox`
  // (a Mutex), a transfer's atomic cancel flag and `curl_multi_wakeup`, which libcurl
  // documents as callable from any thread.
  private let multi: UnsafeMutableRawPointer
  private let inbox = Mutex(Inbox())
  private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

  private struct Inbox {
    var added: [CurlTransfer] = []
    var running = false
  }

  /// Creates an engine with an empty connection cache.
  init() {
    _ = Self.globalSetup
    multi = curl_multi_init()
  }

  deinit {
    curl_multi_cleanup(multi)
  }

  private static let globalSetup: CURLcode = ccurl_global_init()

  /// Runs `transfer` and waits for `outcome`; cancelling the calling task cancels it.
  func perform<T: Sendable>(
    _ transfer: CurlTransfer, until outcome: PendingResult<T>
  ) async throws -> T {
    try await withTaskCancellationHandler {
      start(transfer)
      return try await outcome.value()
    } onCancel: {
      cancel(transfer)
    }
  }

  /// Hands `transfer` to the engine's thread, starting the thread when it is not running.
  func start(_ transfer: CurlTransfer) {
    let needsThread = inbox.withLock { inbox in
      inbox.added.append(transfer)
      defer { inbox.running = true }
      return !inbox.running
    }
    if needsThread {
      Thread.detachNewThread { self.run() }
    } else {
      curl_multi_wakeup(multi)
    }
  }

  /// Asks the engine to stop `transfer`; it ends with `TransportError.cancelled`.
  func cancel(_ transfer: CurlTransfer) {
    transfer.requestCancel()
    curl_multi_wakeup(multi)
  }

  private func run() {
    while let added = takeWork() {
      for transfer in added { begin(transfer) }
      endCancelled()
      var running: Int32 = 0
      curl_multi_perform(multi, &running)
      collectFinished()
      endIdle()
      if !active.isEmpty {
        curl_multi_poll(multi, nil, 0, pollMilliseconds(), nil)
      }
    }
  }

  /// The transfers handed over since the last call, or nil when the thread should end.
  private func takeWork() -> [CurlTransfer]? {
    let idle = active.isEmpty
    return inbox.withLock { inbox in
      if inbox.added.isEmpty && idle {
        inbox.running = false
        return nil
      }
      defer { inbox.added = [] }
      return inbox.added
    }
  }

  private func begin(_ transfer: CurlTransfer) {
    if transfer.isCancelRequested {
      transfer.end(.failure(.cancelled))
    } else if curl_multi_add_handle(multi, transfer.easy) == CURLM_OK {
      active[transfer.easy] = transfer
    } else {
      transfer.end(.failure(.connectionFailed("the transfer could not be started")))
    }
  }

  private func endCancelled() {
    for transfer in active.values where transfer.isCancelRequested {
      remove(transfer, .failure(.cancelled))
    }
  }

  private func collectFinished() {
    var done = ccurl_done()
    while ccurl_next_done(multi, &done) != 0 {
      guard let easy = done.easy, let transfer = active[easy] else { continue }
      remove(transfer, transfer.outcome(of: done.result))
    }
  }

  private func endIdle() {
    let now = ContinuousClock.now
    for transfer in active.values where transfer.deadline <= now {
      remove(transfer, .failure(.timedOut))
    }
  }

  private func remove(_ transfer: CurlTransfer, _ outcome: Result<Void, TransportError>) {
    active[transfer.easy] = nil
    curl_multi_remove_handle(multi, transfer.easy)
    transfer.end(outcome)
  }

  /// How long to sleep at most: until the nearest idle deadline, and never past a minute.
  private func pollMilliseconds() -> Int32 {
    let now = ContinuousClock.now
    let nearest = active.values.map { $0.deadline - now }.min() ?? .seconds(60)
    let wait = min(max(nearest, .milliseconds(1)), .seconds(60))
    let (seconds, attoseconds) = wait.components
    return Int32(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
  }
}

/// A result that one side resolves once and the other awaits.
final class PendingResult<T: Sendable>: Sendable {
  private struct State {
    var result: Result<T, TransportError>?
    var waiter: CheckedContinuation<T, any Error>?
  }

  private let state = Mutex(State())

  /// Creates an unresolved result.
  init() {}

  /// Settles the result; later calls are ignored.
  func resolve(_ result: Result<T, TransportError>) {
    let waiter = state.withLock { state -> CheckedContinuation<T, any Error>? in
      guard state.result == nil else { return nil }
      state.result = result
      defer { state.waiter = nil }
      return state.waiter
    }
    waiter?.resume(with: result.mapError { $0 as any Error })
  }

  /// Waits until the result is settled and returns or throws it.
  func value() async throws -> T {
    try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<T, any Error>) in
      let settled = state.withLock { state in
        if state.result == nil { state.waiter = waiter }
        return state.result
      }
      if let settled { waiter.resume(with: settled.mapError { $0 as any Error }) }
    }
  }
}
