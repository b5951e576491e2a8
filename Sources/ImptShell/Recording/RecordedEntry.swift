import ImptLanguage

/// One entry that ran successfully while recording, as typed.
struct RecordedEntry: Sendable {
  /// The entry's text.
  var text: String
  /// The name it ran under, which its ranges carry.
  var file: String
  /// Where secret values stand in it, as the checker found them.
  var secretRanges: [SourceRange]
}

/// What a recording must change in one entry so that it replays unattended and holds no
/// secret.
struct EntryAnalysis {
  /// A secret option's value.
  struct Secret {
    /// The option's long name: `pwd`, `unbond`.
    var option: String
    /// Where the value stands.
    var range: SourceRange
    /// The value as written.
    var text: String
    /// Whether it was given as a variable (`--lk $k`, `--lk $k[0].id`): it stays as
    /// written.
    var isReference: Bool
    /// The variable's name when it is one the session defined: `k`.
    var variable: String?
    /// Whether it stands in a statement the recording leaves out.
    var isLeftOut: Bool
  }

  /// `let NAME = "text"` (or `set`): text that a later secret option may read.
  struct Literal {
    /// The variable's name.
    var name: String
    /// Where the text stands, quotes included.
    var range: SourceRange
    /// The text as written, quotes included.
    var text: String
  }

  /// Statements left out: logins, logouts and `record`, with a `;` after them.
  private(set) var dropped: [SourceRange] = []
  /// Where ` --confirmed` goes: after destructive commands that ran after a yes.
  private(set) var confirmations: [SourcePosition] = []
  /// The values of secret options, in source order.
  private(set) var secrets: [Secret] = []
  /// Text assigned to variables, in source order.
  private(set) var literals: [Literal] = []

  /// Analyses `entry` against the commands of `catalogue`.
  init(_ entry: RecordedEntry, catalogue: Catalogue) {
    let script = Parser.parse(entry.text, file: entry.file).script
    let lines = entry.text.split(separator: "\n", omittingEmptySubsequences: false)
    for statement in script.statements {
      let commands = CommandWalk.commands(in: [statement])
      let isDropped = Self.isDropped(statement, commands, catalogue)
      if isDropped { dropped.append(Self.extended(statement.range, lines)) }
      literals += Self.literals(in: statement, entry.text)
      for command in commands { note(command, entry, catalogue, inDropped: isDropped) }
    }
  }

  /// Notes what a command needs changed; in a statement left out, only the secrets,
  /// whose variables may hold text written earlier.
  private mutating func note(
    _ command: CommandWalk.Found, _ entry: RecordedEntry, _ catalogue: Catalogue,
    inDropped: Bool
  ) {
    guard let spec = catalogue.spec(of: command.call) else { return }
    let arguments = command.call.arguments
    let confirmed = arguments.contains { argument in
      guard case .option(let word) = argument else { return false }
      return spec.option(for: word)?.name == "confirmed"
    }
    if spec.effect == .destructive, !confirmed, !command.call.asksHelp, !inDropped {
      confirmations.append(command.range.end)
    }
    for (index, argument) in arguments.enumerated() {
      guard case .option(let word) = argument, let option = spec.option(for: word),
        option.isSecret, let value = Self.value(of: word, at: index, in: arguments),
        entry.secretRanges.contains(value.range)
      else { continue }
      secrets.append(
        Secret(
          option: option.name, range: value.range,
          text: SourceEdits.slice(entry.text, value.range), isReference: Self.isReference(value),
          variable: Self.variable(value), isLeftOut: inDropped))
    }
  }

  /// The value an option word takes: after `=`, or the argument that follows it.
  private static func value(
    of word: OptionWord, at index: Int, in arguments: [CommandArgument]
  ) -> Expression? {
    if let inline = word.inlineValue { return inline }
    guard arguments.indices.contains(index + 1), case .value(let next) = arguments[index + 1]
    else { return nil }
    return next
  }

  /// A login, a logout or a `record` statement: not state to replay.
  private static func isDropped(
    _ statement: Statement, _ commands: [CommandWalk.Found], _ catalogue: Catalogue
  ) -> Bool {
    if case .record = statement.kind { return true }
    return commands.contains { command in
      guard let spec = catalogue.spec(of: command.call) else { return false }
      return spec.group == "auth" && (spec.verb == "login" || spec.verb == "logout")
    }
  }

  /// The range with the blanks after it on the same line, and a `;` there with the
  /// blanks after that: `a; b; c` without `b` is `a; c`.
  private static func extended(_ range: SourceRange, _ lines: [Substring]) -> SourceRange {
    guard lines.indices.contains(range.end.line - 1) else { return range }
    let rest = Array(lines[range.end.line - 1].unicodeScalars).dropFirst(range.end.column - 1)
    let isBlank = { (scalar: Unicode.Scalar) in scalar == " " || scalar == "\t" }
    var taken = rest.prefix(while: isBlank).count
    if rest.dropFirst(taken).first == ";" {
      taken += 1 + rest.dropFirst(taken + 1).prefix(while: isBlank).count
    }
    var extended = range
    extended.end.column += taken
    return extended
  }

  /// Whether a value reads a variable: `$k`, `$k[0].id`, `$1`, `($keys | first).id`.
  private static func isReference(_ value: Expression) -> Bool {
    switch value.kind {
    case .variable, .access, .pipeline: return true
    default: return false
    }
  }

  /// The name of the session variable a value reads: `k` for `$k` or `$k[0].id`.
  private static func variable(_ value: Expression) -> String? {
    guard case .variable(let path) = value.kind, case .named(let name) = path.root else {
      return nil
    }
    return name
  }

  private static func literals(in statement: Statement, _ text: String) -> [Literal] {
    let name: Name
    let pipeline: Pipeline
    switch statement.kind {
    case .assignment(let target, let value), .reassignment(let target, let value):
      (name, pipeline) = (target, value)
    default:
      return []
    }
    guard pipeline.stages.count == 1, case .value(let value) = pipeline.stages[0].kind,
      isText(value)
    else { return [] }
    return [
      Literal(name: name.text, range: value.range, text: SourceEdits.slice(text, value.range))
    ]
  }

  /// Whether the expression is text written out, with nothing substituted.
  private static func isText(_ value: Expression) -> Bool {
    switch value.kind {
    case .literal(.string): return true
    case .interpolation(let parts):
      return parts.allSatisfy { if case .text = $0 { true } else { false } }
    default: return false
    }
  }
}
