import Foundation
import ImpCentral
import ImptLanguage

/// Runs a command as a plan: its reads go to the service, its writes are only written
/// down, and the plan is shown beside the line that asked for it.
///
/// `explain LINE` and `--dry-run` both come here; nothing in the account changes.
struct Planner {
  let session: ShellSession

  /// Plans `invocation`, shows the plan, and returns what the command would return.
  func plan(_ invocation: Invocation) async throws -> Value {
    let events = EventLog()
    var client = session.connection.client
    client.mode = .dryRun(PlanRecorder())
    let previous = client.observer
    client.observer = { event in
      events.append(event)
      previous?(event)
    }
    let services = session.services(client: client)
    let value: Value
    do {
      value = try await invocation.command.action(invocation, services)
    } catch {
      session.output.out(PlanText.render(invocation, events.all, failed: true))
      throw error
    }
    session.output.out(PlanText.render(invocation, events.all, failed: false))
    return value
  }
}

/// The lines of a plan.
enum PlanText {
  /// `FILE:LINE:COL: plan of 'dg create':` then one line per operation.
  static func render(_ invocation: Invocation, _ events: [OperationEvent], failed: Bool)
    -> String
  {
    var lines = ["\(invocation.range.location): plan of '\(invocation.command.name)':"]
    let shown = events.filter { $0.operation.access != .session || $0.requestsSent > 0 }
    if shown.isEmpty { lines.append("  (no API operations)") }
    for event in shown { lines.append("  " + line(event)) }
    if failed { lines.append("  (stopped: the command failed while planning)") }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func line(_ event: OperationEvent) -> String {
    let operation = event.operation
    let what = operation.request.method.rawValue + " " + operation.redactedPath
    switch event.outcome {
    case .planned: return "would  \(what)  — \(operation.summary)"
    case .response(let status): return "read   \(what)  — \(operation.summary) (\(status))"
    case .failed(let code): return "failed \(what)  — \(operation.summary) (\(code.rawValue))"
    }
  }
}

/// Collects observer events from whatever thread the client reports on.
final class EventLog: @unchecked Sendable {
  // Safe: `events` is only touched while holding `lock`.
  private let lock = NSLock()
  private var events: [OperationEvent] = []

  func append(_ event: OperationEvent) { lock.withLock { events.append(event) } }
  var all: [OperationEvent] { lock.withLock { events } }
}
