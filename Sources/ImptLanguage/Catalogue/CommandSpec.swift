import ImpCentral

/// One command of the catalogue: its name, options, help, examples and action.
///
/// Parsing, checking, completion, help and execution all read these; nothing about a
/// command is written anywhere else.
public struct CommandSpec: Sendable {
  /// The group word: `dg`.
  public var group: String
  /// The verb: `create`.
  public var verb: String
  /// One line for help listings, lowercase, no final period.
  public var summary: String
  /// Longer help, in full sentences.
  public var details: String
  public var options: [OptionSpec]
  public var examples: [CommandExample]
  public var effect: CommandEffect
  /// Whether the command asks before it changes anything.
  public var confirmation: ConfirmationNeed
  /// What the command returns, for checking field access on its result.
  public var result: ResultShape
  /// The option that takes entities piped into the command, if any.
  public var pipeOption: String?
  /// The option a bare word fills when the option itself is not written:
  /// `sandbox log --device D hello` gives `--text hello`.
  public var positionalOption: String?
  public var availability: Availability
  public var action: CommandAction

  /// Creates a command.
  public init(
    group: String,
    verb: String,
    summary: String,
    details: String = "",
    options: [OptionSpec] = [],
    examples: [CommandExample] = [],
    effect: CommandEffect = .read,
    confirmation: ConfirmationNeed? = nil,
    result: ResultShape = .nothing,
    pipeOption: String? = nil,
    positionalOption: String? = nil,
    availability: Availability = .everywhere,
    action: @escaping CommandAction
  ) {
    self.group = group
    self.verb = verb
    self.summary = summary
    self.details = details
    self.options = options
    self.examples = examples
    self.effect = effect
    self.confirmation = confirmation ?? (effect == .destructive ? .always : .never)
    self.result = result
    self.pipeOption = pipeOption
    self.positionalOption = positionalOption
    self.availability = availability
    self.action = action
  }

  /// The full name: `dg create`.
  public var name: String { "\(group) \(verb)" }

  /// The option called `name` or with the one-letter alias `name`.
  public func option(named name: String) -> OptionSpec? {
    options.first { $0.name == name || ($0.short.map(String.init) == name) }
  }
}

/// A documented use of a command; a test runs every example against the sandbox.
public struct CommandExample: Sendable, Hashable {
  /// The line as a user would type it.
  public var line: String
  /// What the example shows.
  public var note: String
  /// Lines that set up the state the example needs, run first in a fresh sandbox.
  public var setup: [String]

  /// Creates an example.
  public init(_ line: String, _ note: String, setup: [String] = []) {
    self.line = line
    self.note = note
    self.setup = setup
  }
}

/// How a command affects the account.
public enum CommandEffect: Sendable, Hashable {
  /// Reads only.
  case read
  /// Creates or changes entities.
  case write
  /// Deletes, removes, unassigns, reassigns or restarts: asks for confirmation in a
  /// terminal unless `--confirmed` is given, and refuses without a terminal.
  case destructive
}

/// When a command asks for confirmation (unless `--confirmed` is given).
public enum ConfirmationNeed: Sendable, Hashable {
  /// Never: it reads, or its changes are easily undone.
  case never
  /// Every time it runs: a script without a terminal must give `--confirmed`.
  case always
  /// Only in some cases, known when it runs (moving a device out of another group).
  case sometimes
  /// Whenever one of these options is given (`dg builds --remove`), which the checker
  /// can see before anything runs.
  case whenGiven([String])
}

/// What a command returns.
public enum ResultShape: Sendable, Hashable {
  case nothing
  case entity(ResourceKind)
  case list(ResourceKind)
  case record
}

/// Where a command may run.
public enum Availability: Sendable, Hashable {
  case everywhere
  /// Only when the backend is the sandbox (`sandbox …` commands).
  case sandboxOnly
}

/// The action a command performs once its options are bound and checked.
public typealias CommandAction =
  @Sendable (Invocation, any CommandContext) async throws -> Value

/// A command bound to its arguments, ready to run.
public struct Invocation: Sendable {
  public var command: CommandSpec
  /// Argument values by long option name, typed by the option's kind: `.string`,
  /// `.bool`, `.number`, `.list` of strings, or an `.entity` given by a variable.
  public var arguments: [String: Value]
  /// The value piped into the command, if any.
  public var input: Value?
  /// Where the command stands in its source.
  public var range: SourceRange

  /// Creates an invocation.
  public init(
    command: CommandSpec, arguments: [String: Value], input: Value? = nil,
    range: SourceRange
  ) {
    self.command = command
    self.arguments = arguments
    self.input = input
    self.range = range
  }
}

/// What a command's action may use: the client, the session, the terminal.
///
/// The shell provides the concrete context; the catalogue's actions see only this.
public protocol CommandContext: Sendable {}
