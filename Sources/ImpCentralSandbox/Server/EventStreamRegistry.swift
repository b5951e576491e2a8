import Foundation
import Synchronization

/// The event streams a server has open, so that stopping the server can end them first.
///
/// A connection thread blocked in an event stream's reader would keep libmicrohttpd from
/// stopping; ending the streams lets every reader return within a second.
final class EventStreamRegistry: Sendable {
  private struct State {
    var streams: [ObjectIdentifier: EventStreamBody] = [:]
    var closed = false
  }

  private let state = Mutex(State())
  private let emptied = NSCondition()

  /// How many streams are open.
  var count: Int { state.withLock { $0.streams.count } }

  /// Lets new streams register again after the server restarts.
  func reopen() {
    state.withLock { $0.closed = false }
  }

  /// Registers `stream`; when the registry is closed the stream is ended at once.
  func add(_ stream: EventStreamBody) {
    let accepted = state.withLock { state in
      if !state.closed { state.streams[ObjectIdentifier(stream)] = stream }
      return !state.closed
    }
    if !accepted { stream.end() }
  }

  /// Forgets `stream` once its response is finished.
  func remove(_ stream: EventStreamBody) {
    emptied.withLock {
      _ = state.withLock { $0.streams.removeValue(forKey: ObjectIdentifier(stream)) }
      emptied.broadcast()
    }
  }

  /// Waits until every stream has finished its response, or `seconds` pass.
  ///
  /// Lets the streams' last bytes reach their clients before the server closes the
  /// connections, so clients see the streams end rather than break.
  func waitUntilEmpty(seconds: Double) {
    let deadline = Date(timeIntervalSinceNow: seconds)
    emptied.withLock {
      while count > 0 && emptied.wait(until: deadline) {}
    }
  }

  /// Ends every open stream and refuses new ones.
  func closeAll() {
    let streams = state.withLock { state in
      state.closed = true
      return Array(state.streams.values)
    }
    for stream in streams { stream.end() }
  }
}
