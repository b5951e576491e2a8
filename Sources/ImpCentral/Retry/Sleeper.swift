/// Waits; tests inject one that only records how long it was asked to wait.
public protocol Sleeper: Sendable {
  /// Waits `seconds`; throws when the task is cancelled meanwhile.
  func sleep(seconds: Double) async throws
}

/// The real sleeper: `Task.sleep`.
public struct TaskSleeper: Sleeper {
  /// Creates the sleeper.
  public init() {}

  public func sleep(seconds: Double) async throws {
    guard seconds > 0 else { return }
    try await Task.sleep(for: .seconds(seconds))
  }
}
