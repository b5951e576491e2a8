import Synchronization

/// Whether a client sends every operation or only the ones that change nothing.
public enum ExecutionMode: Sendable {
  /// Send everything.
  case live
  /// Send reads and session operations; hand writes to the recorder instead and answer
  /// them with a plausible made-up result.
  case dryRun(any OperationRecorder)

  /// Whether this is a dry run.
  public var isDryRun: Bool {
    if case .dryRun = self { return true }
    return false
  }

  /// Whether `id` is one a dry run made up for a resource it planned (`planned-3`).
  public static func isPlannedID(_ id: String) -> Bool { DryRunLedger.isPlanned(id) }
}

/// Receives the writes a dry run does not send.
public protocol OperationRecorder: Sendable {
  /// Records a write that was not sent.
  func record(_ operation: APIOperation)
}

/// A recorder that keeps the writes in order, for `--dry-run` output and tests.
public final class PlanRecorder: OperationRecorder {
  private let recorded = Mutex<[APIOperation]>([])

  /// Creates an empty recorder.
  public init() {}

  public func record(_ operation: APIOperation) {
    recorded.withLock { $0.append(operation) }
  }

  /// The writes recorded so far, oldest first.
  public var operations: [APIOperation] { recorded.withLock { $0 } }
}

/// What became of one operation, as an observer sees it.
public struct OperationEvent: Sendable {
  /// How the operation ended.
  public enum Outcome: Sendable, Hashable {
    /// The service answered with this status (after any retries).
    case response(status: Int)
    /// A dry run did not send it and made up an answer with this status.
    case planned(status: Int)
    /// No answer arrived, or the client refused it.
    case failed(ImpCentralError.Code)
  }

  /// The operation performed.
  public var operation: APIOperation
  /// How it ended.
  public var outcome: Outcome
  /// How many HTTP requests went out for it, retries included; 0 when not sent.
  public var requestsSent: Int
}

/// Sees every operation a client performs, read or write, sent or planned.
public typealias OperationObserver = @Sendable (OperationEvent) -> Void

/// Told how many items a multi-page list has gathered so far.
public typealias ListProgress = @Sendable (Int) -> Void
