import ImpCentral

extension LogStreaming {
  /// Follows devices' logs for at most `seconds`, then returns; nil follows until the
  /// stream ends.
  ///
  /// Returns true when the time ran out, false when the stream ended first. Ctrl-C still
  /// throws `CancellationError`.
  func follow(_ devices: [Device], for seconds: Int?) async throws -> Bool {
    guard let seconds else {
      try await follow(devices)
      return false
    }
    return try await withThrowingTaskGroup(of: Bool.self) { group in
      group.addTask {
        try await follow(devices)
        return false
      }
      group.addTask {
        try await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000)
        return true
      }
      let timedOut = try await group.next() ?? false
      group.cancelAll()
      return timedOut
    }
  }
}
