import Foundation
import ImpCentral
import Synchronization

/// A token bucket per access token, and the `X-RateLimit-*` figures every response carries.
final class RateLimiter: Sendable {
  /// What one request found: the figures for the headers and whether it may proceed.
  struct Reading {
    var limit: Int
    var remaining: Int
    var reset: Int
    var allowed: Bool
  }

  private struct Bucket {
    var tokens: Double
    var updated: Date
  }

  private let limit: SandboxConfiguration.RateLimit?
  private let clock: any WallClock
  private let buckets = Mutex<[String: Bucket]>([:])

  /// Creates a limiter; with no limit every request passes and the headers show a full
  /// budget.
  init(limit: SandboxConfiguration.RateLimit?, clock: any WallClock) {
    self.limit = limit
    self.clock = clock
  }

  /// Takes one request from the bucket of `key`.
  func take(_ key: String) -> Reading {
    guard let limit, limit.limit > 0, limit.window > 0 else {
      let shown = SandboxConfiguration.RateLimit()
      return Reading(
        limit: shown.limit, remaining: shown.limit, reset: Int(shown.window), allowed: true)
    }
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
