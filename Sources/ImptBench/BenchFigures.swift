import Foundation

/// Formatting and measuring helpers the benchmarks share.
enum BenchFigures {
  /// `123.4` for a duration, in milliseconds.
  static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    return String(format: "%.1f", value)
  }

  /// The process's peak resident memory so far, in megabytes (VmHWM).
  static func peakMegabytes() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return "?" }
    return String(format: "%.0f", kilobytes / 1024)
  }

  /// Times `work`, returning its result and how long it took.
  static func timed<T>(_ work: () async throws -> T) async rethrows -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try await work()
    return (result, clock.now - start)
  }

  /// Times `work` synchronously.
  static func timedSync<T>(_ work: () throws -> T) rethrows -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try work()
    return (result, clock.now - start)
  }

  /// Seconds since `started`.
  static func seconds(since started: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - started
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  /// `1.234`.
  static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
