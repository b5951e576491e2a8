import Foundation
import ImpCentral

/// One reader's connection to a log stream: a queue of events and a condition to wait on.
///
/// Lines written in this process are pushed as they commit. A reader of a sandbox file
/// also polls, while idle and at most every `pollInterval`, for lines that other
/// processes committed to the same file; the row ids of lines already pushed keep a poll
/// from sending them twice.
final class LogStreamChannel: EventChannel, @unchecked Sendable {
  // Safe: `queue`, `finished`, `closedByReader`, `watermark`, `pushedAbove` and `nextPoll`
  // are only touched while holding `condition`; the other properties are immutable.
  private let condition = NSCondition()
  private var queue: [ServerSentEvent] = []
  private var finished = false
  private var closedByReader = false
  /// Every log row up to this id has been sent, or was not for this stream.
  private var watermark: Int
  /// Row ids above `watermark` already pushed as their lines were written here.
  private var pushedAbove: Set<Int> = []
  private var nextPoll: ContinuousClock.Instant
  private let poller: (@Sendable (LogStreamChannel) -> Void)?
  private let onClose: @Sendable (LogStreamChannel) -> Void

  /// How many unread events a slow reader may fall behind by before the oldest are dropped.
  static let backlogLimit = 10_000
  /// How often an idle reader looks for lines other processes wrote.
  static let pollInterval = Duration.milliseconds(500)

  let streamID: String
  let format: LogStreamFormat

  /// Creates a reader that has seen every log row up to `watermark`; `poller`, when
  /// given, is called (without the channel's lock) when an idle reader should poll.
  init(
    streamID: String, format: LogStreamFormat, watermark: Int = 0,
    poller: (@Sendable (LogStreamChannel) -> Void)? = nil,
    onClose: @escaping @Sendable (LogStreamChannel) -> Void
  ) {
    self.streamID = streamID
    self.format = format
    self.watermark = watermark
    self.poller = poller
    self.onClose = onClose
    nextPoll = .now + Self.pollInterval
  }

  /// Queues `event` for the reader, in this channel's format.
  func push(_ event: StreamEvent) {
    condition.withLock {
      if case .log(let line) = event, line.seq > watermark { pushedAbove.insert(line.seq) }
      enqueue(event)
    }
  }

  /// The row id a poll should read past.
  var pollWatermark: Int { condition.withLock { watermark } }

  /// Queues what a poll found that was not pushed already; ends the stream when the
  /// poll found it closed.
  func merge(_ poll: LogStreamPoll) {
    condition.withLock {
      for line in poll.lines where !pushedAbove.contains(line.seq) { enqueue(.log(line)) }
      watermark = poll.watermark
      // Pushed rows above the poll's top no longer exist (deleted), and their ids may
      // be used again; keep only those the poll has still to reach.
      pushedAbove = pushedAbove.filter { $0 > poll.watermark && $0 <= poll.top }
      if !poll.open {
        enqueue(.state(.closed, deviceID: nil))
        finished = true
      }
    }
  }

  /// Looks for other processes' lines now, as an idle reader does on its own.
  func pollNow() { poller?(self) }

  /// Ends the stream from the server's side; the reader still gets what is queued.
  func finish() {
    condition.withLock {
      finished = true
      condition.broadcast()
    }
  }

  func next(timeout: Double) -> EventChannelItem {
    let wait = timeout.isFinite ? min(max(0, timeout), 86_400) : 86_400
    let deadline = ContinuousClock.now + .seconds(wait)
    while true {
      let (item, pollDue) = waitForItem(until: deadline)
      if let item { return item }
      guard pollDue else { return .timedOut }
      pollNow()
    }
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

  /// Waits for an event, the end, a due poll or the deadline; nil and `true` mean the
  /// reader should poll, nil and `false` that the deadline passed.
  private func waitForItem(until deadline: ContinuousClock.Instant) -> (EventChannelItem?, Bool) {
    condition.lock()
    defer { condition.unlock() }
    while queue.isEmpty, !finished, !closedByReader {
      let now = ContinuousClock.now
      if poller != nil, now >= nextPoll {
        nextPoll = now + Self.pollInterval
        return (nil, true)
      }
      guard now < deadline else { return (nil, false) }
      let wake = poller == nil ? deadline : min(deadline, nextPoll)
      _ = condition.wait(until: Date().addingTimeInterval(Self.seconds(wake - now)))
    }
    if closedByReader { return (.closed, false) }
    if !queue.isEmpty { return (.event(queue.removeFirst()), false) }
    return (.closed, false)
  }

  /// Appends `event` unless the stream has ended; the caller holds `condition`.
  private func enqueue(_ event: StreamEvent) {
    guard !finished, !closedByReader else { return }
    queue.append(event.serverSentEvent(format: format))
    if queue.count > Self.backlogLimit { queue.removeFirst(queue.count - Self.backlogLimit) }
    condition.broadcast()
  }

  private static func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }
}
