import Dispatch
import Synchronization

/// Runs async work from the synchronous main thread and waits for its result.
///
/// The shell keeps the REPL on the process's real main thread, because a blocking
/// `el_gets` on a dispatch worker never sees Ctrl-C (tech-notes §8). Each command's async
/// work runs in a detached task while the main thread waits here. Never call it from
/// async code or the main actor: it blocks the calling thread.
///
/// - Returns: what `operation` returned; rethrows what it threw.
@available(*, noasync, message: "runBlocking blocks its thread; await the work instead")
public func runBlocking<T: Sendable>(
  _ operation: @escaping @Sendable () async throws -> T
) throws -> T {
  let done = DispatchSemaphore(value: 0)
  let outcome = ResultBox<T>()
  Task.detached {
    do {
      outcome.store(.success(try await operation()))
    } catch {
      outcome.store(.failure(error))
    }
    done.signal()
  }
  done.wait()
  // The task stores its result before it signals, so a result is always there.
  return try (outcome.take() ?? .failure(CancellationError())).get()
}

/// The result of a detached task, handed to the thread that waits for it.
private final class ResultBox<T: Sendable>: Sendable {
  private let result = Mutex<Result<T, any Error>?>(nil)

  func store(_ value: Result<T, any Error>) {
    result.withLock { $0 = value }
  }

  func take() -> Result<T, any Error>? {
    result.withLock { $0 }
  }
}

/// Runs `operation` so that Ctrl-C cancels it.
///
/// A pending interrupt from before the call is forgotten. While `operation` runs, a
/// watcher checks `Interrupts` every 25 ms and cancels it, so a command stops within
/// about 50 ms of Ctrl-C. When it was cancelled this way, whatever error it ends with
/// (a `URLError.cancelled`, say) is reported as `CancellationError`.
public func interruptible<T: Sendable>(
  _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
  Interrupts.clear()
  let work = Task { try await operation() }
  let watcher = Task {
    while !Task.isCancelled {
      if Interrupts.take() {
        work.cancel()
        return true
      }
      try? await Task.sleep(for: .milliseconds(25))
    }
    return false
  }

  let result = await withTaskCancellationHandler {
    await work.result
  } onCancel: {
    work.cancel()
  }
  watcher.cancel()

  if case .failure = result, await watcher.value { throw CancellationError() }
  return try result.get()
}
