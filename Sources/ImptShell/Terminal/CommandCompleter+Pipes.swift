import ImpCentral
import ImptLanguage

/// Completion after `|`: the pipe stages, commands, and the fields of what flows.
extension CommandCompleter {
  /// The stages of the language's structured pipes.
  static let pipeStages = [
    "where", "select", "sort", "first", "last", "count", "get", "uniq", "each", "json", "table",
  ]

  /// The candidates in a pipe stage: `before` are the earlier stages' words, `current`
  /// the complete words of this one.
  func stageCandidates(_ before: [[String]], _ current: [String], typed: String) -> [String] {
    guard let first = current.first else {
      return Self.matching(typed, in: Self.pipeStages + groups)
    }
    guard Self.pipeStages.contains(first) else { return commandCandidates(current, typed: typed) }
    guard Self.takesField(first, after: current), let fields = fields(flowingFrom: before) else {
      return []
    }
    return Self.matching(typed, in: fields)
  }

  /// Whether the next word of a `stage` whose words so far are `words` is a field name.
  private static func takesField(_ stage: String, after words: [String]) -> Bool {
    let last = words.last ?? ""
    switch stage {
    case "select": return true
    case "sort": return words.count == 1 || last == "-r"
    case "get": return words.count == 1
    case "where": return ["where", "and", "or", "not"].contains(last)
    default: return false
    }
  }

  /// The field names of the items the stages `before` pass on, when known: the entity
  /// fields of the command's result, narrowed by `select`; nil after `get`, `count`,
  /// `each` and anything unknown.
  func fields(flowingFrom before: [[String]]) -> [String]? {
    var fields: [String]?
    for stage in before {
      guard let first = stage.first else { return nil }
      switch first {
      case "where", "sort", "first", "last", "uniq": continue
      case "select": fields = Array(stage.dropFirst())
      case _ where Self.pipeStages.contains(first): fields = nil
      default: fields = fieldsOfResult(stage)
      }
    }
    return fields
  }

  /// The fields of the entities the command in `words` returns.
  private func fieldsOfResult(_ words: [String]) -> [String]? {
    let (statement, _) = Self.droppingIntroducers(words)
    guard let (command, _) = command(in: statement) else { return nil }
    switch command.result {
    case .entity(let kind), .list(let kind): return EntitySchema.of(kind).allNames
    case .nothing, .record: return nil
    }
  }
}
