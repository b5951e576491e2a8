import Synchronization

@testable import ImptLanguage

/// A command context that records what the fake commands were asked to do.
struct FakeContext: CommandContext {
  let journal: Journal
}

/// What the fake commands and host saw, in order.
final class Journal: Sendable {
  struct State: Sendable {
    var invocations: [Invocation] = []
    var shown: [(Value, OutputFormat?)] = []
    var echoed: [String] = []
    var uses: [UseRequest] = []
    var planned: [String] = []
    var records: [RecordRequest] = []
    var help: [String] = []
    var context: [ContextSlot: Value] = [:]
    var statementsBeforeCancel: Int?
  }

  let state = Mutex(State())

  func update<T: Sendable>(_ body: (inout State) -> sending T) -> T { state.withLock(body) }

  var invocations: [Invocation] { update { $0.invocations } }
  var echoed: [String] { update { $0.echoed } }
  var shown: [Value] { update { $0.shown.map(\.0) } }
  var formats: [OutputFormat?] { update { $0.shown.map(\.1) } }

  /// The names of the commands run, in order: `["dg info", "device list"]`.
  var commandNames: [String] { invocations.map(\.command.name) }
}

/// A host for tests: output goes to the journal, files come from a dictionary.
struct FakeHost: InterpreterHost {
  let journal = Journal()
  var files: [String: String] = [:]
  var isSandbox = false
  var startingSlots: [ContextSlot: Value] = [:]
  /// Slots the host claims are set without having a value, to test the runtime check.
  var claimedSlots: Set<ContextSlot> = []

  var commandContext: any CommandContext { FakeContext(journal: journal) }

  func contextSlots() -> Set<ContextSlot> {
    Set(startingSlots.keys).union(claimedSlots).union(journal.update { Set($0.context.keys) })
  }

  func contextValue(_ slot: ContextSlot) -> Value? {
    journal.update { $0.context[slot] } ?? startingSlots[slot]
  }

  func use(_ request: UseRequest) async throws {
    journal.update { $0.uses.append(request) }
    switch request {
    case .show: return
    case .clear: journal.update { $0.context = [:] }
    case .set(let slot, let value):
      let entity = try resolve(slot, value)
      journal.update { state in
        state.context[slot] = .entity(entity)
        if slot == .deviceGroup { state.context[.product] = .entity(Fixtures.product) }
      }
    }
  }

  private func resolve(_ slot: ContextSlot, _ value: Value) throws -> Entity {
    let candidates = slot == .product ? [Fixtures.product] : Fixtures.groups
    let name = value.displayText
    guard
      let found = candidates.first(where: { $0.id == name || $0.field("name") == .string(name) })
    else {
      throw FakeError(id: "api.notFound", message: "no \(slot.rawValue) named '\(name)'")
    }
    return found
  }

  func readSource(_ path: String, relativeTo file: String) throws -> SourceFile {
    guard let text = files[path] else {
      throw FakeError(id: "file.notFound", message: "no such file")
    }
    return SourceFile(path: path, text: text)
  }

  func show(_ value: Value, format: OutputFormat?) {
    journal.update { $0.shown.append((value, format)) }
  }

  func echo(_ text: String) { journal.update { $0.echoed.append(text) } }

  func plan(_ invocation: Invocation) async throws -> Value {
    journal.update { $0.planned.append(invocation.command.name) }
    if invocation.command.effect == .read {
      return try await invocation.command.action(invocation, commandContext)
    }
    return .null
  }

  func record(_ request: RecordRequest) throws { journal.update { $0.records.append(request) } }

  func help(_ topic: HelpTopic) {
    let text: String =
      switch topic {
      case .overview: "overview"
      case .group(let group): "group \(group)"
      case .command(let spec): "command \(spec.name)"
      case .language(let word): "language \(word)"
      }
    journal.update { $0.help.append(text) }
  }

  func checkCancellation() throws {
    let cancel = journal.update { state -> Bool in
      guard let left = state.statementsBeforeCancel else { return false }
      state.statementsBeforeCancel = left - 1
      return left <= 0
    }
    if cancel { throw CancellationError() }
  }
}

/// A user-facing error the fakes throw.
struct FakeError: UserFacingError {
  var id: String
  var message: String
  var help: [String] = []
}
