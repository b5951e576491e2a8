import Foundation
import ImpCentral
import ImpCentralSandbox
import ImptShell
import Synchronization

@testable import ImptCommands
@testable import ImptLanguage

/// Runs lines through the real parser, checker, evaluator and commands on an in-memory
/// sandbox, recording what the commands showed, noted and emitted.
///
/// TODO: replace with the lead's shell-session harness once it is merged; this one
/// exists so the command groups could be tested before it landed.
final class LineRunner: CommandServices, ImptLanguage.Host, Sendable {
  struct Journal: Sendable {
    var shown: [Value] = []
    var notes: [String] = []
    var emitted: [Value] = []
    var helpTopics: [String] = []
    var context = SessionContext()
  }

  let emulator: Sandbox
  let client: ImpCentralClient
  let interaction: any Interaction
  let terminal: ScriptedInteraction
  let isSandbox: Bool
  private let hasSimulation: Bool
  private let journal = Mutex(Journal())
  private let interpreterBox = Mutex<Interpreter?>(nil)

  /// Creates a runner logged in to a fresh sandbox as its standard account.
  /// `onSandbox: false` pretends the backend is the real service: sandbox commands are
  /// refused by the checker, and `services.sandbox` is nil.
  /// `simulation: false` keeps the checker's view but withholds the simulation, to test
  /// the commands' own refusal.
  static func make(
    interactive: Bool = false, onSandbox: Bool = true, simulation: Bool = true
  ) async throws -> LineRunner {
    let sandbox = try Sandbox(deliverer: NoWebhookDeliverer())
    let client = ImpCentralClient(transport: InProcessTransport(responder: sandbox))
    let seed = SandboxAccounts.standard
    _ = try await client.login(id: seed.username, password: Secret(seed.password))
    return LineRunner(
      emulator: sandbox, client: client, terminal: ScriptedInteraction(isInteractive: interactive),
      isSandbox: onSandbox, hasSimulation: onSandbox && simulation)
  }

  private init(
    emulator: Sandbox, client: ImpCentralClient, terminal: ScriptedInteraction,
    isSandbox: Bool, hasSimulation: Bool
  ) {
    self.hasSimulation = hasSimulation
    self.emulator = emulator
    self.client = client
    self.terminal = terminal
    interaction = terminal
    self.isSandbox = isSandbox
    let interpreter = Interpreter(
      catalogue: Self.catalogue, host: self, environment: [:])
    interpreterBox.withLock { $0 = interpreter }
  }

  /// The catalogue under test: this helper's groups plus those its examples set up with.
  static let catalogue = Catalogue(
    ProductCommands.all + DeviceGroupCommands.all + WebhookCommands.all + LogCommands.all
      + LoginKeyCommands.all + AccountCommands.all + SandboxCommands.all)

  // MARK: - Running

  /// Runs `text`; returns the outcome.
  @discardableResult
  func run(_ text: String) async -> Outcome {
    let interpreter = interpreterBox.withLock { $0 }
    guard let interpreter else { fatalError("the runner has no interpreter") }
    return await interpreter.run(text, file: "test")
  }

  /// Runs `text`, expecting success; returns the value it showed.
  @discardableResult
  func value(_ text: String) async throws -> Value {
    let before = journal.withLock { $0.shown.count }
    let outcome = await run(text)
    guard outcome.status == 0 else {
      throw RunFailure(line: text, diagnostics: outcome.diagnostics)
    }
    return journal.withLock { $0.shown.count > before ? $0.shown[before...].last : nil } ?? .null
  }

  /// Runs `text`, expecting it to fail; returns the first diagnostic.
  func failure(_ text: String) async throws -> Diagnostic {
    let outcome = await run(text)
    guard outcome.status != 0, let first = outcome.diagnostics.first else {
      throw RunFailure(line: text, diagnostics: [])
    }
    return first
  }

  var notes: [String] { journal.withLock { $0.notes } }
  var emitted: [Value] { journal.withLock { $0.emitted } }
  var helpTopics: [String] { journal.withLock { $0.helpTopics } }

  // MARK: - CommandServices

  var auth: any AuthControl { NoAuth() }
  var sandbox: (any SandboxControl)? { hasSimulation ? SandboxAdapter(emulator) : nil }
  var context: SessionContext { journal.withLock { $0.context } }
  var isDryRun: Bool { false }
  var workingFolder: String { FileManager.default.temporaryDirectory.path }

  func note(_ text: String) { journal.withLock { $0.notes.append(text) } }
  func emit(_ value: Value) { journal.withLock { $0.emitted.append(value) } }

  // MARK: - Host

  var commandContext: any CommandContext { self }

  func contextSlots() -> Set<ContextSlot> {
    let context = self.context
    var slots: Set<ContextSlot> = []
    if context.productID != nil { slots.insert(.product) }
    if context.deviceGroupID != nil { slots.formUnion([.product, .deviceGroup]) }
    return slots
  }

  func contextValue(_ slot: ContextSlot) -> Value? {
    let context = self.context
    switch slot {
    case .product: return context.productID.map(Value.string)
    case .deviceGroup: return context.deviceGroupID.map(Value.string)
    }
  }

  func use(_ request: UseRequest) async throws {
    switch request {
    case .show: return
    case .clear: journal.withLock { $0.context = SessionContext() }
    case .set(let slot, let value):
      let resolver = Resolver(client: client)
      if slot == .product {
        let product = try await resolver.product(value)
        journal.withLock { $0.context.productID = product.id }
      } else {
        let group = try await resolver.deviceGroup(value)
        journal.withLock {
          $0.context.deviceGroupID = group.id
          $0.context.productID = group.product.id
        }
      }
    }
  }

  func readSource(_ path: String, relativeTo file: String) throws -> SourceFile {
    throw RunFailure(line: "source \(path)", diagnostics: [])
  }

  func show(_ value: Value, format: OutputFormat?) { journal.withLock { $0.shown.append(value) } }
  func echo(_ text: String) {}
  func plan(_ invocation: Invocation) async throws -> Value { .null }
  func record(_ request: RecordRequest) throws {}
  func help(_ topic: HelpTopic) {
    let name: String =
      switch topic {
      case .overview: "overview"
      case .group(let group): "group \(group)"
      case .command(let spec): "command \(spec.name)"
      case .language(let word): "language \(word)"
      }
    journal.withLock { $0.helpTopics.append(name) }
  }
  func checkCancellation() throws { try Task.checkCancellation() }
}

/// A line that did not do what the test expected.
struct RunFailure: Error, CustomStringConvertible {
  let line: String
  let diagnostics: [Diagnostic]

  var description: String {
    "'\(line)': " + diagnostics.map { "\($0.id): \($0.message)" }.joined(separator: "; ")
  }
}

/// Login is not part of these commands' tests.
struct NoAuth: AuthControl {
  func login(_ request: LoginRequest) async throws -> Value { .null }
  func logout(local: Bool) async throws -> Value { .null }
  func info() async throws -> Value { .null }
}
