import Foundation
import ImpCentral
import Synchronization

/// A token bucket per access token, and the `X-RateLimit-*` figures a limited sandbox's
/// responses carry.
///
/// With no limit configured (the default) nothing is refused and no response carries the
/// headers, so no client is told of a limit that is not enforced.
final class RateLimiter: Sendable {
  /// What one request found: the figures for the headers and whether it may proceed.
  struct Reading {
    var limit: Int
    var remaining: Int
    var reset: Int
    var allowed: Bool
    /// Whether a limit applies; without one the response carries no `X-RateLimit-*`.
    var enforced = true

    /// The reading of a sandbox without a limit.
    static let unlimited = Reading(
      limit: 0, remaining: 0, reset: 0, allowed: true, enforced: false)

    /// The `X-RateLimit-*` headers for the response; none without a limit.
    var headers: [(String, String)] {
      guard enforced else { return [] }
      return [
        ("X-RateLimit-Limit", String(limit)), ("X-RateLimit-Remaining", String(remaining)),
        ("X-RateLimit-Reset", String(reset)),
      ]
    }
  }

  private struct Bucket {
    var tokens: Double
    var updated: Date
  }

  private let limit: SandboxConfiguration.RateLimit?
  private let clock: any WallClock
  private let buckets = Mutex<[String: Bucket]>([:])

  /// Creates a limiter; with no limit every request passes.
  init(limit: SandboxConfiguration.RateLimit?, clock: any WallClock) {
    self.limit = limit
    self.clock = clock
  }

  /// Takes one request from the bucket of `key`.
  func take(_ key: String) -> Reading {
    guard let limit, limit.limit > 0, limit.window > 0 else { return .unlimited }
    let now = clock.now()
    let rate = Double(limit.limit) / limit.window
    return buckets.withLock { table in
      if table.count > 10_000 { table.removeAll() }
      var bucket = table[key] ?? Bucket(tokens: Double(limit.limit), updated: now)
      let elapsed = max(0, now.timeIntervalSince(bucket.updated))
      bucket.tokens = min(Double(limit.limit), bucket.tokens + elapsed * rate)
      bucket.updated = now
      let allowed = bucket.tokens >= 1
      if allowed { bucket.tokens -= 1 }
      table[key] = bucket
      let reset = allowed ? limit.window : (1 - bucket.tokens) / rate
      return Reading(
        limit: limit.limit, remaining: Int(bucket.tokens.rounded(.down)),
        reset: max(1, Int(reset.rounded(.up))), allowed: allowed)
    }
  }
}
