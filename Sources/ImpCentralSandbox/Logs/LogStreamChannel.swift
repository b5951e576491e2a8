import Foundation
import ImpCentral

/// One reader's connection to a log stream: a queue of events and a condition to wait on.
final class LogStreamChannel: EventChannel, @unchecked Sendable {
  // Safe: `queue`, `finished` and `closedByReader` are only touched while holding
  // `condition`; `format`, `streamID` and `onClose` are immutable.
  private let condition = NSCondition()
  private var queue: [ServerSentEvent] = []
  private var finished = false
  private var closedByReader = false
  private let onClose: @Sendable (LogStreamChannel) -> Void

  /// How many unread events a slow reader may fall behind by before the oldest are dropped.
  static let backlogLimit = 10_000

  let streamID: String
  let format: LogStreamFormat

  init(
    streamID: String, format: LogStreamFormat,
    onClose: @escaping @Sendable (LogStreamChannel) -> Void
  ) {
    self.streamID = streamID
    self.format = format
    self.onClose = onClose
  }

  /// Queues `event` for the reader, in this channel's format.
  func push(_ event: StreamEvent) {
    condition.withLock {
      guard !finished, !closedByReader else { return }
      queue.append(event.serverSentEvent(format: format))
      if queue.count > Self.backlogLimit { queue.removeFirst(queue.count - Self.backlogLimit) }
      condition.broadcast()
    }
  }

  /// Ends the stream from the server's side; the reader still gets what is queued.
  func finish() {
    condition.withLock {
      finished = true
      condition.broadcast()
    }
  }

  func next(timeout: Double) -> EventChannelItem {
    let deadline = Date().addingTimeInterval(max(0, timeout))
    condition.lock()
    defer { condition.unlock() }
    while queue.isEmpty, !finished, !closedByReader {
      if !condition.wait(until: deadline) { break }
    }
    if closedByReader { return .closed }
    if !queue.isEmpty { return .event(queue.removeFirst()) }
    return finished ? .closed : .timedOut
  }

  func close() {
    let first = condition.withLock {
      let first = !closedByReader
      closedByReader = true
      queue.removeAll()
      condition.broadcast()
      return first
    }
    if first { onClose(self) }
  }
}
