import Foundation
import ImpCentral

/// The context one API request or simulation step works in: its open transaction, its
/// instant, its id draws and the effects to apply once it commits.
///
/// Everything a request writes goes through `db` inside the transaction; events for log
/// streams and webhook deliveries wait in `effects` until the commit succeeds, so a failed
/// request leaves no trace anywhere.
final class Transaction {
  let db: Database
  let configuration: SandboxConfiguration
  /// The instant of the whole request: every timestamp it writes is this one.
  let now: Date
  /// `now` as an impCentral timestamp; these sort as text in time order.
  let timestamp: String
  private let identifiers: any IdentifierSource
  /// The number of id draws so far, persisted with the data.
  private(set) var sequence: UInt64
  /// Effects to apply after the commit, in order.
  private(set) var effects: [Effect] = []

  init(
    db: Database, configuration: SandboxConfiguration, now: Date,
    identifiers: any IdentifierSource, sequence: UInt64
  ) {
    self.db = db
    self.configuration = configuration
    self.now = now
    self.timestamp = Timestamp.string(from: now)
    self.identifiers = identifiers
    self.sequence = sequence
  }

  /// Draws `count` bytes from the identifier source.
  func bytes(_ count: Int) -> [UInt8] {
    sequence += 1
    return identifiers.bytes(count: count, sequence: sequence)
  }

  /// A new id in UUID layout, for accounts, products, groups, deployments and webhooks.
  func uuid() -> String { IdentifierFormat.uuid(bytes(16)) }

  /// A new id of `byteCount` random bytes as lowercase hex.
  func hex(bytes byteCount: Int) -> String { Hex.string(bytes(byteCount)) }

  /// The timestamp `seconds` after now.
  func timestamp(after seconds: Double) -> String {
    Timestamp.string(from: now.addingTimeInterval(seconds))
  }

  /// Starts the id draws again from zero, as a reset database does.
  func restartSequence() { sequence = 0 }

  /// Queues `effect` for after the commit.
  func emit(_ effect: Effect) { effects.append(effect) }
}

/// Something a committed transaction does outside the database.
enum Effect {
  /// Sends an event to every reader of a log stream.
  case stream(id: String, StreamEvent)
  /// Ends a log stream's readers after a final `closed` event.
  case closeStream(id: String)
  /// Hands a webhook firing to the deliverer (loopback URLs only).
  case deliver(WebhookFiring)
}
