import Foundation

/// When and how long to wait before sending a request again.
///
/// A 429 is retried for every method, waiting as `X-RateLimit-Reset` says, within a count
/// and a total bound. Connection failures, time-outs and 5xx answers are retried with
/// exponential backoff only for idempotent methods: a POST or PATCH is never sent twice.
/// Cancellation is never retried.
public struct RetryPolicy: Sendable {
  /// How many times one request may be retried after a 429.
  public var maxRateLimitRetries: Int
  /// The most seconds one request may spend waiting for rate limits, in total.
  public var maxRateLimitWait: Double
  /// The wait when a 429 does not say how long: 1 second.
  public var defaultRateLimitWait: Double
  /// How many times an idempotent request may be retried after a failure in transit or a
  /// 5xx answer.
  public var maxTransientRetries: Int
  /// The first backoff wait; each later one doubles, up to `maxBackoff`.
  public var initialBackoff: Double
  /// The longest backoff wait.
  public var maxBackoff: Double
  /// Waits longer than this many seconds are announced through `onLongWait`.
  public var longWaitThreshold: Double
  /// Does the waiting.
  public var sleeper: any Sleeper
  /// Told before a long wait, so the user knows why nothing happens.
  public var onLongWait: (@Sendable (RetryNotice) -> Void)?

  /// Creates a policy; the defaults suit the real service.
  public init(
    maxRateLimitRetries: Int = 20,
    maxRateLimitWait: Double = 120,
    defaultRateLimitWait: Double = 1,
    maxTransientRetries: Int = 3,
    initialBackoff: Double = 0.5,
    maxBackoff: Double = 8,
    longWaitThreshold: Double = 2,
    sleeper: any Sleeper = TaskSleeper(),
    onLongWait: (@Sendable (RetryNotice) -> Void)? = nil
  ) {
    self.maxRateLimitRetries = maxRateLimitRetries
    self.maxRateLimitWait = maxRateLimitWait
    self.defaultRateLimitWait = defaultRateLimitWait
    self.maxTransientRetries = maxTransientRetries
    self.initialBackoff = initialBackoff
    self.maxBackoff = maxBackoff
    self.longWaitThreshold = longWaitThreshold
    self.sleeper = sleeper
    self.onLongWait = onLongWait
  }

  /// The policy for the real service.
  public static let standard = RetryPolicy()

  /// The backoff before transient retry number `retry` (1-based).
  func backoff(forRetry retry: Int) -> Double {
    let doubled = initialBackoff * Double(1 << min(max(retry - 1, 0), 30))
    return min(doubled, maxBackoff)
  }

  /// The wait a 429 asks for: its `X-RateLimit-Reset` in seconds, or the default.
  func rateLimitWait(_ response: HTTPResponse) -> Double {
    guard let text = response.headers["X-RateLimit-Reset"],
      let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds > 0,
      seconds.isFinite
    else { return defaultRateLimitWait }
    return seconds
  }
}

/// Why the client is about to wait before sending a request again.
public struct RetryNotice: Sendable, Hashable {
  /// What caused the wait.
  public enum Reason: Sendable, Hashable {
    /// impCentral said too many requests (429).
    case rateLimited
    /// The request failed in transit or impCentral had a problem (5xx).
    case transientFailure
  }

  /// Why the wait happens.
  public var reason: Reason
  /// How long the wait will be.
  public var seconds: Double
  /// Which retry this wait precedes, from 1.
  public var retry: Int
  /// The summary of the operation being retried.
  public var operation: String
}
