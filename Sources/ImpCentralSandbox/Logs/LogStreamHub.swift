import ImpCentral
import Synchronization

/// The open readers of every log stream, and the fan-out of events to them.
///
/// Which devices a stream follows lives in the database; the readers (connections) live
/// here, in memory, since a connection cannot outlive the process.
final class LogStreamHub: Sendable {
  private let channels = Mutex<[String: [LogStreamChannel]]>([:])

  /// Connects a new reader to stream `id`, which has seen the log up to row `watermark`;
  /// its first event is `opened`. `poller` looks for other processes' lines.
  func open(
    _ id: String, format: LogStreamFormat, watermark: Int = 0,
    poller: (@Sendable (LogStreamChannel) -> Void)? = nil
  ) -> LogStreamChannel {
    let channel = LogStreamChannel(
      streamID: id, format: format, watermark: watermark, poller: poller
    ) { [weak self] channel in
      self?.remove(channel)
    }
    channel.push(.state(.opened, deviceID: nil))
    channels.withLock { $0[id, default: []].append(channel) }
    return channel
  }

  /// Sends `event` to every reader of stream `id`.
  func publish(_ id: String, _ event: StreamEvent) {
    let readers = channels.withLock { $0[id] ?? [] }
    for reader in readers { reader.push(event) }
  }

  /// Sends `closed` to every reader of stream `id` and ends their streams.
  func close(_ id: String) {
    let readers = channels.withLock { $0.removeValue(forKey: id) ?? [] }
    for reader in readers {
      reader.push(.state(.closed, deviceID: nil))
      reader.finish()
    }
  }

  /// Closes every stream, as a reset does.
  func closeAll() {
    let ids = channels.withLock { Array($0.keys) }
    for id in ids { close(id) }
  }

  /// The number of readers connected to stream `id`.
  func readerCount(_ id: String) -> Int {
    channels.withLock { $0[id]?.count ?? 0 }
  }

  private func remove(_ channel: LogStreamChannel) {
    channels.withLock { table in
      table[channel.streamID]?.removeAll { $0 === channel }
      if table[channel.streamID]?.isEmpty == true { table[channel.streamID] = nil }
    }
  }
}
