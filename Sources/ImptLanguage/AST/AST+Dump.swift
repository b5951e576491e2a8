/// A compact, one-line text form of syntax trees, for tests and debugging.
///
/// `dg create --name X | count` dumps as `(cmd dg create --name 'X') | count`.
protocol Dumpable {
  var dump: String { get }
}

extension Script: Dumpable {
  var dump: String { statements.map(\.dump).joined(separator: "\n") }
}

extension Block: Dumpable {
  var dump: String { "{" + statements.map(\.dump).joined(separator: "; ") + "}" }
}

extension Statement: Dumpable {
  var dump: String {
    switch kind {
    case .pipeline(let pipeline): pipeline.dump
    case .assignment(let name, let value): "(let \(name.text) \(value.dump))"
    case .reassignment(let name, let value): "(set \(name.text) \(value.dump))"
    case .conditional(let branches, let otherwise):
      "(if "
        + branches.map { "\($0.condition.dump) \($0.body.dump)" }.joined(separator: " elif ")
        + (otherwise.map { " else \($0.dump)" } ?? "") + ")"
    case .loop(let name, let list, let body): "(for \(name.text) \(list.dump) \(body.dump))"
    case .assertion(let condition, let message, _):
      "(assert \(condition.dump)" + (message.map { " " + $0.dump } ?? "") + ")"
    case .source(let file): "(source \(file.dump))"
    case .exit(let code): "(exit" + (code.map { " " + $0.dump } ?? "") + ")"
    case .sleep(let seconds): "(sleep \(seconds.dump))"
    case .attempt(let body, let recovery):
      "(try \(body.dump)" + (recovery.map { " catch \($0.dump)" } ?? "") + ")"
    case .echo(let values): "(echo" + values.map { " " + $0.dump }.joined() + ")"
    case .use(let target, let value):
      "(use" + (target.map { " " + $0.text } ?? "") + (value.map { " " + $0.dump } ?? "") + ")"
    case .explain(let pipeline): "(explain \(pipeline.dump))"
    case .record(let action, let file):
      "(record" + (action.map { " " + $0.text } ?? "") + (file.map { " " + $0.dump } ?? "") + ")"
    case .help(let words): "(help" + words.map { " " + $0.text }.joined() + ")"
    }
  }
}

extension Pipeline: Dumpable {
  var dump: String { stages.map(\.dump).joined(separator: " | ") }
}

extension Stage: Dumpable {
  var dump: String {
    switch kind {
    case .command(let call): call.dump
    case .value(let value): value.dump
    case .filter(let filter): filter.dump
    }
  }
}

extension CommandCall: Dumpable {
  var dump: String {
    var words = ["cmd", group.text] + (verb.map { [$0.text] } ?? [])
    for argument in arguments {
      switch argument {
      case .option(let option):
        let dashes = option.isLong ? "--" : "-"
        words.append(dashes + option.name + (option.inlineValue.map { "=" + $0.dump } ?? ""))
      case .value(let value):
        words.append(value.dump)
      }
    }
    return "(" + words.joined(separator: " ") + ")"
  }
}

extension Filter: Dumpable {
  var dump: String {
    switch self {
    case .where(let condition): "(where \(condition.dump))"
    case .select(let fields): "(select " + fields.map(\.text).joined(separator: " ") + ")"
    case .sort(let field, let descending):
      "(sort" + (descending ? " -r" : "") + (field.map { " " + $0.text } ?? "") + ")"
    case .first(let count): "(first" + (count.map { " " + $0.dump } ?? "") + ")"
    case .last(let count): "(last" + (count.map { " " + $0.dump } ?? "") + ")"
    case .get(let field): "(get \(field.text))"
    case .each(let block): "(each \(block.dump))"
    case .count, .uniq, .json, .table: keyword
    }
  }
}

extension Expression: Dumpable {
  var dump: String {
    switch kind {
    case .literal(let value): Self.dump(value)
    case .interpolation(let parts):
      "(str"
        + parts.map { part in
          switch part {
          case .text(let text): " '\(text)'"
          case .expression(let expression): " " + expression.dump
          }
        }.joined() + ")"
    case .variable(let path): Parser.describe(path)
    case .field(let path): "@" + path.text
    case .pipeline(let pipeline): "(\(pipeline.dump))"
    case .list(let items): "[" + items.map(\.dump).joined(separator: ", ") + "]"
    case .record(let entries):
      "{" + entries.map { "\($0.key.text): \($0.value.dump)" }.joined(separator: ", ") + "}"
    case .not(let operand): "(not \(operand.dump))"
    case .binary(let op, let left, let right): "(\(op.rawValue) \(left.dump) \(right.dump))"
    case .access(let base, let steps):
      "(access \(base.dump) " + FieldPath(name: "", rest: steps, range: range).text + ")"
    }
  }

  private static func dump(_ value: Value) -> String {
    if case .string(let text) = value { return "'\(text)'" }
    return value.displayText
  }
}
