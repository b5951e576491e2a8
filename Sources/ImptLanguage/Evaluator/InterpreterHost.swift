/// What the evaluator needs from the shell that runs it.
///
/// The shell owns the session (context, backend, terminal, output); the language asks
/// it through this protocol and never touches those directly.
public protocol InterpreterHost: Sendable {
  /// The context handed to every command action.
  var commandContext: any CommandContext { get }

  /// Whether the backend is the sandbox, where `sandbox …` commands may run.
  var isSandbox: Bool { get }

  /// Whether a command's question (`Go ahead?`) can be answered: a terminal is there, or
  /// nothing will ask (a dry run). The checker refuses unconfirmed commands otherwise.
  var canConfirm: Bool { get }

  /// The context slots the session has set now (`use`, `.impt.project`), for the checker.
  /// After `use dg`, `.product` should count as set too: a group knows its product.
  func contextSlots() -> Set<ContextSlot>

  /// The value standing in for an option of a slot the command was not given: the entity
  /// in use, or its id; nil when nothing is in use.
  func contextValue(_ slot: ContextSlot) -> Value?

  /// Carries out a `use` statement. Setting a slot resolves the name, and throws
  /// (preferably a `UserFacingError`) when no such entity exists.
  func use(_ request: UseRequest) async throws

  /// Reads the file a `source` statement names, relative to the folder of `file`.
  func readSource(_ path: String, relativeTo file: String) throws -> SourceFile

  /// Shows the value of a statement, as a table, JSON or text.
  func show(_ value: Value, format: OutputFormat?)

  /// Shows the value of a statement whose last stage was `command`, if it was one.
  func show(_ value: Value, format: OutputFormat?, from command: CommandSpec?)

  /// Prints a line of text from `echo`.
  func echo(_ text: String)

  /// Stands in for running a command under `explain` (every command) or in a dry run
  /// (commands that write): prints the plan of API operations, and returns the value
  /// later stages should see (what a read found, or what a write would make, or null).
  func plan(_ invocation: Invocation) async throws -> Value

  /// Starts or stops recording the session to a file.
  func record(_ request: RecordRequest) throws

  /// Prints help on a topic.
  func help(_ topic: HelpTopic)

  /// Throws `CancellationError` when the user interrupted (Ctrl-C); asked between
  /// statements, loop turns and piped items.
  func checkCancellation() throws
}

/// What a `use` statement asks of the session.
public enum UseRequest: Sendable, Equatable {
  /// `use`: show the context.
  case show
  /// `use none`: clear the context.
  case clear
  /// `use product NAME` or `use dg NAME`: the value is the name, id or entity given.
  case set(ContextSlot, Value)
}

/// What a `record` statement asks.
public enum RecordRequest: Sendable, Equatable {
  /// `record start FILE`.
  case start(path: String)
  /// `record stop`.
  case stop
}

extension InterpreterHost {
  /// Shows the value of a statement whose last stage was `command`, if it was a command.
  ///
  /// A shell may show what a write made more briefly than what a read found; by default
  /// both are shown alike.
  public func show(_ value: Value, format: OutputFormat?, from command: CommandSpec?) {
    show(value, format: format)
  }
}

extension InterpreterHost {
  /// By default a host can answer: only hosts that know there is no terminal say no.
  public var canConfirm: Bool { true }
}
