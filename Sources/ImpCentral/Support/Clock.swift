import Foundation

/// Tells the time; tests inject a fixed or stepping clock so output is stable.
public protocol WallClock: Sendable {
  /// The current instant.
  func now() -> Date
}

/// The system's clock.
public struct SystemClock: WallClock {
  /// Creates the system clock.
  public init() {}

  public func now() -> Date { Date() }
}

/// A clock that starts at a fixed instant and moves only when told, for tests.
public final class ManualClock: WallClock, @unchecked Sendable {
  // Safe: `current` is only read and written while holding `lock`.
  private let lock = NSLock()
  private var current: Date

  /// Creates a clock reading `start`.
  public init(start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
    current = start
  }

  public func now() -> Date {
    lock.withLock { current }
  }

  /// Moves the clock forward by `seconds`.
  public func advance(by seconds: TimeInterval) {
    lock.withLock { current = current.addingTimeInterval(seconds) }
  }
}

/// Formats and parses impCentral timestamps: ISO 8601 in UTC with milliseconds.
public enum Timestamp {
  /// `2018-07-22T11:27:49.633Z` for the given instant.
  public static func string(from date: Date) -> String {
    date.formatted(
      Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
  }

  /// The instant an impCentral timestamp names, with or without milliseconds.
  public static func date(from text: String) -> Date? {
    let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
    if let date = try? withFraction.parse(text) { return date }
    return try? Date.ISO8601FormatStyle(timeZone: .gmt).parse(text)
  }
}

/// A clock that moves forward a fixed step each time it is read, for tests that need
/// distinct, ordered timestamps that repeat from run to run.
public final class SteppingClock: WallClock, @unchecked Sendable {
  // Safe: `next` is only read and written while holding `lock`.
  private let lock = NSLock()
  private var next: Date
  private let step: TimeInterval

  /// Creates a clock whose first reading is `start`, each later one `step` seconds on.
  public init(start: Date = Date(timeIntervalSince1970: 1_767_225_600), step: TimeInterval = 0.001)
  {
    next = start
    self.step = step
  }

  public func now() -> Date {
    lock.withLock {
      defer { next = next.addingTimeInterval(step) }
      return next
    }
  }
}
