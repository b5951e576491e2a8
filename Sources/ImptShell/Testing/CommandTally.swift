import Foundation
import ImpCentral
import ImptLanguage

/// Counts the commands a run invokes and the API operations each one performs, for
/// benchmarks and tests of how many requests commands need.
///
/// Wrap the catalogue the session uses and pass `observe` as the client's observer;
/// commands run one at a time, so each operation belongs to the latest command.
public final class CommandTally: @unchecked Sendable {
  // Safe: `entries` is only touched while holding `lock`.
  private let lock = NSLock()
  private var entries: [Entry] = []

  /// One command invocation and the operations it performed.
  public struct Entry: Sendable {
    /// The command's name: `dg create`.
    public var name: String
    /// Its operations, in order.
    public var events: [OperationEvent] = []

    /// The HTTP requests it sent, retries included.
    public var requestsSent: Int { events.reduce(0) { $0 + $1.requestsSent } }

    /// Reads it repeated without a write in between: the same method, path and query
    /// sent again when nothing could have changed the answer.
    public var repeatedReads: [String] {
      var seen: Set<String> = []
      var repeated: [String] = []
      for event in events {
        let request = event.operation.request
        guard event.operation.access == .read else {
          if event.operation.access == .write { seen.removeAll() }
          continue
        }
        let key = request.method.rawValue + " " + request.pathAndQuery
        if !seen.insert(key).inserted { repeated.append(key) }
      }
      return repeated
    }
  }

  /// Creates an empty tally.
  public init() {}

  /// The invocations so far, in order.
  public var commands: [Entry] { lock.withLock { entries } }

  /// The catalogue with every action wrapped so each invocation is counted.
  public func wrap(_ catalogue: Catalogue) -> Catalogue {
    let commands = catalogue.commands.map { spec -> CommandSpec in
      var counted = spec
      let action = spec.action
      counted.action = { [self] invocation, context in
        lock.withLock { entries.append(Entry(name: spec.name)) }
        return try await action(invocation, context)
      }
      return counted
    }
    return Catalogue(commands, groupAliases: catalogue.groupAliases)
  }

  /// Records an operation against the command running now.
  public func observe(_ event: OperationEvent) {
    lock.withLock {
      guard !entries.isEmpty else { return }
      entries[entries.count - 1].events.append(event)
    }
  }
}
