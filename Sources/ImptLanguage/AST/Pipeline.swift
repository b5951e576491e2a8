/// Stages joined by `|`: `device list --dg A | where online | count`.
public struct Pipeline: Sendable, Hashable {
  public var stages: [Stage]
  public var range: SourceRange

  /// Creates a pipeline.
  public init(stages: [Stage], range: SourceRange) {
    self.stages = stages
    self.range = range
  }
}

/// One stage of a pipeline.
public struct Stage: Sendable, Hashable {
  public var kind: StageKind
  public var range: SourceRange

  /// Creates a stage.
  public init(_ kind: StageKind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// What a stage does.
public enum StageKind: Sendable, Hashable {
  /// A catalogue command, bound by the checker: `dg create --name X`.
  case command(CommandCall)
  /// A value that starts a pipeline: `$devices`, `[1, 2]`, `(…)`.
  case value(Expression)
  /// A built-in filter: `where`, `sort`, `count`, …
  case filter(Filter)
}

/// The built-in filters of a pipeline.
public indirect enum Filter: Sendable, Hashable {
  /// `where COND`: keeps the items for which the condition holds.
  case `where`(Expression)
  /// `select f1 f2`: records with only these fields.
  case select([FieldPath])
  /// `sort [-r] [FIELD]`: by a field, or by the items themselves.
  case sort(FieldPath?, descending: Bool)
  /// `first` (one item) or `first N` (a list).
  case first(Expression?)
  /// `last` or `last N`.
  case last(Expression?)
  /// `count`: the number of items.
  case count
  /// `get FIELD`: each item's field.
  case get(FieldPath)
  /// `uniq`: the items without repeats.
  case uniq
  /// `each { … $it … }`: the block's value for every item.
  case each(Block)
  /// `json`: the value as JSON text.
  case json
  /// `table`: the value laid out as a text table.
  case table

  /// The filter's keyword.
  public var keyword: String {
    switch self {
    case .where: "where"
    case .select: "select"
    case .sort: "sort"
    case .first: "first"
    case .last: "last"
    case .count: "count"
    case .get: "get"
    case .uniq: "uniq"
    case .each: "each"
    case .json: "json"
    case .table: "table"
    }
  }
}

/// A field name with an optional path: `name`, `devicegroup`, `env_vars.region`.
public struct FieldPath: Sendable, Hashable {
  /// The first component's name.
  public var name: String
  /// Further steps after the name.
  public var rest: [PathComponent]
  public var range: SourceRange

  /// Creates a field path.
  public init(name: String, rest: [PathComponent] = [], range: SourceRange) {
    self.name = name
    self.rest = rest
    self.range = range
  }

  /// The path as written: `env_vars.region`.
  public var text: String {
    rest.reduce(name) { text, step in
      switch step.kind {
      case .field(let field): text + "." + field
      case .index(let index): text + "[\(index)]"
      }
    }
  }
}

/// A command as written, before the checker binds it: words and arguments.
public struct CommandCall: Sendable, Hashable {
  /// The group word: `dg`.
  public var group: Name
  /// The verb word, if one follows: `create`.
  public var verb: Name?
  public var arguments: [CommandArgument]
  /// Whether `--help` or `-h` is among the arguments: the command is not run, its help is
  /// shown.
  public var asksHelp: Bool

  /// Creates a command call.
  public init(group: Name, verb: Name?, arguments: [CommandArgument], asksHelp: Bool = false) {
    self.group = group
    self.verb = verb
    self.arguments = arguments
    self.asksHelp = asksHelp
  }
}

/// An argument of a command: something that looks like an option, or a value.
public enum CommandArgument: Sendable, Hashable {
  case option(OptionWord)
  case value(Expression)
}

/// A word that looks like an option: `--name`, `-n`, `--name=X`.
///
/// Whether it really is one is the checker's call: after `--descr`, the word `-x` is the
/// value when the command has no option `-x`.
public struct OptionWord: Sendable, Hashable {
  /// The name without dashes: `name`, `n`.
  public var name: String
  /// Whether it was written with two dashes.
  public var isLong: Bool
  /// The value after `=`, if written that way.
  public var inlineValue: Expression?
  /// The word exactly as written, for messages and for use as a value.
  public var text: String
  public var range: SourceRange

  /// Creates an option word.
  public init(
    name: String, isLong: Bool, inlineValue: Expression?, text: String, range: SourceRange
  ) {
    self.name = name
    self.isLong = isLong
    self.inlineValue = inlineValue
    self.text = text
    self.range = range
  }
}
