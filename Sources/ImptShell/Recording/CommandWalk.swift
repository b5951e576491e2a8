import ImptLanguage

/// Every command written in a piece of parsed source, wherever it stands: in pipelines,
/// blocks, conditions and parenthesised pipelines.
struct CommandWalk {
  /// A command as written, with the range of its pipeline stage.
  struct Found {
    var call: CommandCall
    var range: SourceRange
  }

  private(set) var found: [Found] = []

  /// The commands of `statements`, in source order.
  static func commands(in statements: [Statement]) -> [Found] {
    var walk = CommandWalk()
    for statement in statements { walk.visit(statement) }
    return walk.found
  }

  private mutating func visit(_ statement: Statement) {
    switch statement.kind {
    case .pipeline(let pipeline), .assignment(_, let pipeline), .reassignment(_, let pipeline),
      .explain(let pipeline):
      visit(pipeline)
    case .conditional(let branches, let otherwise):
      for branch in branches {
        visit(branch.condition)
        visit(branch.body)
      }
      if let otherwise { visit(otherwise) }
    case .loop(_, let pipeline, let body):
      visit(pipeline)
      visit(body)
    case .assertion(let condition, let message, _):
      visit(condition)
      if let message { visit(message) }
    case .attempt(let body, let recovery):
      visit(body)
      if let recovery { visit(recovery) }
    case .echo(let expressions):
      for expression in expressions { visit(expression) }
    case .source, .exit, .sleep, .use, .record, .help:
      break
    }
  }

  private mutating func visit(_ block: Block) {
    for statement in block.statements { visit(statement) }
  }

  private mutating func visit(_ pipeline: Pipeline) {
    for stage in pipeline.stages {
      switch stage.kind {
      case .command(let call):
        found.append(Found(call: call, range: stage.range))
        for case .value(let value) in call.arguments { visit(value) }
      case .value(let value):
        visit(value)
      case .filter(let filter):
        visit(filter)
      }
    }
  }

  private mutating func visit(_ filter: Filter) {
    switch filter {
    case .where(let condition): visit(condition)
    case .first(let count?), .last(let count?): visit(count)
    case .each(let block): visit(block)
    default: break
    }
  }

  private mutating func visit(_ expression: Expression) {
    switch expression.kind {
    case .pipeline(let pipeline): visit(pipeline)
    case .interpolation(let parts):
      for case .expression(let inner) in parts { visit(inner) }
    case .list(let items): for item in items { visit(item) }
    case .record(let entries): for entry in entries { visit(entry.value) }
    case .not(let operand): visit(operand)
    case .binary(_, let left, let right):
      visit(left)
      visit(right)
    case .access(let base, _): visit(base)
    case .literal, .variable, .field: break
    }
  }
}

extension Catalogue {
  /// The command a call names, with a two-word verb (`sandbox device add`) taken from
  /// its first argument; nil when the catalogue has none.
  func spec(of call: CommandCall) -> CommandSpec? {
    guard let verb = call.verb else { return nil }
    if let spec = command(group: call.group.text, verb: verb.text) { return spec }
    guard case .value(let first)? = call.arguments.first,
      case .string(let word)? = first.literal
    else { return nil }
    return command(group: call.group.text, verb: verb.text + " " + word)
  }
}

extension CommandSpec {
  /// The option an option word names: a long name after `--`, a letter after `-`.
  func option(for word: OptionWord) -> OptionSpec? {
    if word.isLong { return longOption(word.name) }
    guard word.name.count == 1, let letter = word.name.first else { return nil }
    return shortOption(letter)
  }
}
