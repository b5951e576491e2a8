/// A checked script, every command bound to its catalogue entry: what the evaluator runs.
public struct BoundScript: Sendable {
  public var file: String
  public var statements: [BoundStatement]

  /// Creates a bound script.
  public init(file: String, statements: [BoundStatement]) {
    self.file = file
    self.statements = statements
  }
}

/// A checked statement.
public struct BoundStatement: Sendable {
  public var kind: BoundStatementKind
  public var range: SourceRange
}

/// The kinds of checked statement; they follow `StatementKind`.
public indirect enum BoundStatementKind: Sendable {
  case pipeline(BoundPipeline)
  case assignment(String, BoundPipeline)
  case reassignment(String, BoundPipeline)
  case conditional([BoundBranch], otherwise: [BoundStatement]?)
  case loop(String, BoundPipeline, [BoundStatement])
  case assertion(BoundExpression, message: BoundExpression?, text: String)
  case source(BoundSource)
  case exit(BoundExpression?)
  case sleep(BoundExpression)
  case attempt([BoundStatement], recovery: [BoundStatement]?)
  case echo([BoundExpression])
  case use(UseAction)
  case explain(BoundPipeline)
  case record(RecordAction)
  case help(HelpTopic)
}

/// One checked `if` arm.
public struct BoundBranch: Sendable {
  public var condition: BoundExpression
  public var body: [BoundStatement]
}

/// What `source` runs.
public enum BoundSource: Sendable {
  /// A file named by a literal, read and checked with the script.
  case checked(BoundScript)
  /// A file named by a computed value, read and checked when the statement runs.
  case dynamic(BoundExpression)
}

/// What a `use` statement asks of the session.
public enum UseAction: Sendable {
  /// `use`: show the session context.
  case show
  /// `use none`: clear it.
  case clear
  /// `use product NAME`, `use dg NAME`.
  case set(ContextSlot, BoundExpression)
}

/// What a `record` statement asks.
public enum RecordAction: Sendable {
  case start(BoundExpression)
  case stop
}

/// What `help` (or `--help` on a command) asks about.
public enum HelpTopic: Sendable {
  /// `help`: the groups and the language.
  case overview
  /// `help dg`.
  case group(String)
  /// `help dg create`, `dg create --help`.
  case command(CommandSpec)
  /// `help where`: a construct of the language.
  case language(String)
}

/// A checked pipeline.
public struct BoundPipeline: Sendable {
  public var stages: [BoundStage]
  public var range: SourceRange
  /// How the result should be shown, from `--output` on a command.
  public var format: OutputFormat?

  /// The command of the last stage, when the last stage is a command.
  public var lastCommand: CommandSpec? {
    guard case .command(let command)? = stages.last?.kind else { return nil }
    return command.spec
  }
}

/// A checked stage.
public struct BoundStage: Sendable {
  public var kind: BoundStageKind
  public var range: SourceRange
}

/// The kinds of checked stage.
public enum BoundStageKind: Sendable {
  case command(BoundCommand)
  case value(BoundExpression)
  case filter(BoundFilter)
}

/// A command bound to its catalogue entry, with its arguments by option.
public struct BoundCommand: Sendable {
  public var spec: CommandSpec
  /// The options given, in the order written; a repeatable option has one entry with
  /// every occurrence's value.
  public var arguments: [BoundArgument]
  /// How piped input feeds the command, when it follows `|`.
  public var pipe: PipeBinding?
  public var range: SourceRange
}

/// The values given to one option.
public struct BoundArgument: Sendable {
  public var option: OptionSpec
  /// One value per occurrence; a bare flag has the value `true`.
  public var values: [BoundExpression]
  /// Where the option was first written.
  public var range: SourceRange
}

/// How piped input reaches a command.
public struct PipeBinding: Sendable {
  /// The option the input fills: the command's `pipeOption`.
  public var option: OptionSpec
  /// Whether the command runs once per piped item; otherwise it runs once with every
  /// item in the option, which is repeatable.
  public var perItem: Bool
}

/// A checked filter; they follow `Filter`.
public enum BoundFilter: Sendable {
  case `where`(BoundExpression)
  case select([FieldPath])
  case sort(FieldPath?, descending: Bool)
  case first(BoundExpression?)
  case last(BoundExpression?)
  case count
  case get(FieldPath)
  case uniq
  case each([BoundStatement])
  case json
  case table
}
