extension Checker {
  /// The constructs of the language that `help` explains.
  public static let languageTopics: [String] = [
    "let", "set", "if", "for", "assert", "source", "exit", "sleep", "try", "echo", "use",
    "explain", "help",
    "record", "where", "select", "sort", "first", "last", "count", "get", "uniq", "each",
    "json", "table",
  ]

  /// The topic `help WORDS` asks for, or nil after reporting an unknown one.
  mutating func checkHelp(_ words: [Name], range: SourceRange) -> HelpTopic? {
    guard let first = words.first else { return .overview }
    let text = words.map(\.text).joined(separator: " ")
    if let group = catalogue.group(named: first.text) {
      guard words.count > 1 else { return .group(group) }
      let verb = words.dropFirst().map(\.text).joined(separator: " ")
      if words.count <= 3, let spec = catalogue.command(group: group, verb: verb) {
        return .command(spec)
      }
      let names = catalogue.verbs(in: group).map { "\(group) \($0)" }
      report(
        .unknownHelpTopic(text, suggestion: Suggestion.closest(to: text, in: names)),
        at: range)
      return nil
    }
    if words.count == 1, Self.languageTopics.contains(first.text) {
      return .language(first.text)
    }
    let topics = catalogue.groups + Self.languageTopics
    report(
      .unknownHelpTopic(text, suggestion: Suggestion.closest(to: first.text, in: topics)),
      at: range)
    return nil
  }

  /// The help a statement asks for with `--help` or `-h` on a command, if any.
  func helpRequest(in pipeline: Pipeline) -> HelpTopic? {
    for stage in pipeline.stages {
      guard case .command(let call) = stage.kind, call.asksHelp,
        let group = catalogue.group(named: call.group.text)
      else { continue }
      if let verb = call.verb, let spec = catalogue.command(group: group, verb: verb.text) {
        return .command(spec)
      }
      if let verb = call.verb, case .value(let next)? = call.arguments.first,
        case .string(let word)? = next.literal,
        let spec = catalogue.command(group: group, verb: verb.text + " " + word)
      {
        return .command(spec)
      }
      return .group(group)
    }
    return nil
  }
}
