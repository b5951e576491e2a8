/// A parsed script: its statements in order.
public struct Script: Sendable, Hashable {
  /// The file the script came from: a path, `<stdin>` or `<command line>`.
  public var file: String
  public var statements: [Statement]

  /// Creates a script.
  public init(file: String, statements: [Statement]) {
    self.file = file
    self.statements = statements
  }
}

/// Statements between braces: `{ echo hi }`.
public struct Block: Sendable, Hashable {
  public var statements: [Statement]
  /// From `{` to `}`.
  public var range: SourceRange

  /// Creates a block.
  public init(statements: [Statement], range: SourceRange) {
    self.statements = statements
    self.range = range
  }
}

/// A name as written, such as a variable in `let x = …`.
public struct Name: Sendable, Hashable {
  public var text: String
  public var range: SourceRange

  /// Creates a name.
  public init(_ text: String, range: SourceRange) {
    self.text = text
    self.range = range
  }
}

/// One statement with where it stands.
public struct Statement: Sendable, Hashable {
  public var kind: StatementKind
  public var range: SourceRange

  /// Creates a statement.
  public init(_ kind: StatementKind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// The kinds of statement.
public indirect enum StatementKind: Sendable, Hashable {
  /// A pipeline whose value is shown: `device list | count`.
  case pipeline(Pipeline)
  /// `let name = PIPELINE`.
  case assignment(Name, Pipeline)
  /// `set NAME = PIPELINE`: a new value for a variable defined earlier, in whichever
  /// block defined it.
  case reassignment(Name, Pipeline)
  /// `if COND { … } else if COND { … } else { … }`.
  case conditional([ConditionalBranch], otherwise: Block?)
  /// `for name in PIPELINE { … }`.
  case loop(Name, Pipeline, Block)
  /// `assert COND "message"`; `text` is the condition as written.
  case assertion(Expression, message: Expression?, text: String)
  /// `source FILE`.
  case source(Expression)
  /// `exit` or `exit N`.
  case exit(Expression?)
  /// `sleep SECONDS`.
  case sleep(Expression)
  /// `try { … } catch { … }`.
  case attempt(Block, recovery: Block?)
  /// `echo ARGS`.
  case echo([Expression])
  /// `use`, `use none`, `use product NAME`, `use dg NAME`.
  case use(target: Name?, value: Expression?)
  /// `explain PIPELINE`.
  case explain(Pipeline)
  /// `record start FILE`, `record stop`.
  case record(action: Name?, file: Expression?)
  /// `help`, `help GROUP`, `help GROUP VERB`.
  case help([Name])
}

/// One `if` or `else if` arm.
public struct ConditionalBranch: Sendable, Hashable {
  public var condition: Expression
  public var body: Block

  /// Creates an arm.
  public init(condition: Expression, body: Block) {
    self.condition = condition
    self.body = body
  }
}
