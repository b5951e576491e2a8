import Foundation
import ImpCentral
import Synchronization

/// The body of one server-sent-event response, read by libmicrohttpd's content reader.
///
/// It starts with a `: connected` comment so the client sees the response head at once,
/// then sends each event of the channel in wire form and a `: keepalive` comment whenever
/// a second passes without one. The keepalives are also how a vanished client is noticed.
final class EventStreamBody: Sendable {
  /// What the reader hands to libmicrohttpd next.
  enum Chunk: Equatable {
    case bytes(Int)
    case endOfStream
  }

  private struct State {
    var pending: [UInt8] = Array(": connected\n\n".utf8)
    var ended = false
  }

  private let channel: any EventChannel
  private let registry: EventStreamRegistry
  private let state = Mutex(State())
  private static let keepalive = Array(": keepalive\n\n".utf8)

  /// Creates the body that streams `channel` and registers it with `registry`.
  init(channel: any EventChannel, registry: EventStreamRegistry) {
    self.channel = channel
    self.registry = registry
    registry.add(self)
  }

  /// Copies the next bytes into `buffer`, blocking up to a second for an event.
  ///
  /// Called only from the connection's thread.
  func read(into buffer: UnsafeMutableRawBufferPointer) -> Chunk {
    if state.withLock({ $0.pending.isEmpty && !$0.ended }) {
      fill(with: channel.next(timeout: 1))
    }
    return state.withLock { state in
      if state.ended { return .endOfStream }
      let count = min(buffer.count, state.pending.count)
      buffer.copyBytes(from: state.pending[..<count])
      state.pending.removeFirst(count)
      return .bytes(count)
    }
  }

  /// Ends the stream: the reader sends no more and the channel is closed.
  ///
  /// Called when the client goes away and when the server stops.
  func end() {
    state.withLock { $0.ended = true }
    channel.close()
  }

  /// Ends the stream and unregisters it, once libmicrohttpd is done with the response.
  func finish() {
    end()
    registry.remove(self)
  }

  private func fill(with item: EventChannelItem) {
    switch item {
    case .event(let event):
      state.withLock { $0.pending += Array(event.wireFormat.utf8) }
    case .timedOut:
      state.withLock { $0.pending += Self.keepalive }
    case .closed:
      state.withLock { $0.ended = true }
    }
  }
}
