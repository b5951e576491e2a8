import ImpCentral
import ImptLanguage

/// Completes imptsh input from the command catalogue.
///
/// At the start of a statement it offers the groups and the statement words (`use`,
/// `let`, …); after a group, its verbs (a two-word verb one word at a time); after a
/// verb, the options not given yet; after an option, its choices, the names of the
/// entities it identifies, or file paths for a file option. After `|` it offers the pipe
/// stages and the commands, and after `where`, `select`, `sort` and `get` the fields of
/// what the pipe carries. `use` offers `product`, `dg` and `none`, then the names;
/// `source` and `record start` offer file paths. A word starting with `$` completes to a
/// variable. A leading `impt`, `explain`, `let NAME =` or `for NAME in` is skipped, so
/// `impt dg cr` completes like `dg cr`.
///
///     "dg create --dg-type pro"      →   ["production"]
///     "device list | where onl"      →   ["online"]
public struct CommandCompleter: Completer {
  let commands: [CommandSpec]
  private let statementWords: [String]
  private let helpTopics: [String]
  let entityNames: (ResourceKind) -> [String]
  private let variableNames: () -> [String]
  let files: (String) -> [String]

  /// Creates a completer.
  ///
  /// - Parameters:
  ///   - commands: the command catalogue.
  ///   - statementWords: the language's own words offered at the start of a statement.
  ///   - helpTopics: the language words `help` explains, offered after `help` with the
  ///     groups.
  ///   - entityNames: the known names of entities of a kind, from a cache; never blocks.
  ///   - variableNames: the names of the session's variables, without `$`.
  ///   - files: the paths that complete a partly typed path (folders end with `/`).
  public init(
    commands: [CommandSpec],
    statementWords: [String],
    helpTopics: [String] = [],
    entityNames: @escaping (ResourceKind) -> [String] = { _ in [] },
    variableNames: @escaping () -> [String] = { [] },
    files: @escaping (String) -> [String] = { _ in [] }
  ) {
    self.commands = commands
    self.statementWords = statementWords
    self.helpTopics = helpTopics
    self.entityNames = entityNames
    self.variableNames = variableNames
    self.files = files
  }

  /// The completions for the word that ends `textBeforeCursor`.
  public func complete(_ textBeforeCursor: String) -> Completion {
    let (stages, partial) = Self.split(textBeforeCursor)
    let word = partial.map { String(textBeforeCursor[$0.range]) } ?? ""
    let typed = partial?.text ?? ""

    if word.hasPrefix("$") {
      let names = Set(variableNames().map { "$" + $0 }.filter { $0.hasPrefix(typed) })
      return Completion(word: word, candidates: names.sorted())
    }

    let current = stages.last?.map(\.text) ?? []
    guard stages.count == 1 else {
      let before = stages.dropLast().map { $0.map(\.text) }
      return Completion(word: word, candidates: stageCandidates(before, current, typed: typed))
    }
    let (statement, skipped) = Self.droppingIntroducers(current)
    let words = candidates(after: statement, typed: typed, atStatementStart: !skipped)
    return Completion(word: word, candidates: words)
  }

  private func candidates(after words: [String], typed: String, atStatementStart: Bool)
    -> [String]
  {
    if atStatementStart, let special = statementCandidates(words, typed: typed) {
      return special
    }
    if words.isEmpty {
      return Self.matching(typed, in: groups + (atStatementStart ? statementWords : []))
    }
    return commandCandidates(words, typed: typed)
  }

  /// The words after the language's own statements that take arguments, or nil for
  /// anything else.
  private func statementCandidates(_ words: [String], typed: String) -> [String]? {
    switch (words.first, words.count) {
    case ("use", 1): return Self.matching(typed, in: ["product", "dg", "none"])
    case ("use", 2):
      let kind: ResourceKind? =
        words[1] == "product" ? .product : (words[1] == "dg" ? .deviceGroup : nil)
      return kind.map { Self.matching(typed, in: entityNames($0)) } ?? []
    case ("source", 1): return paths(typed)
    case ("record", 1): return Self.matching(typed, in: ["start", "stop"])
    case ("record", 2) where words[1] == "start": return paths(typed)
    case ("help", 1): return Self.matching(typed, in: groups + helpTopics)
    case ("help", 2): return Self.matching(typed, in: verbWords(of: words[1], after: []))
    case ("use", _), ("source", _), ("record", _), ("help", _): return []
    default: return nil
    }
  }

  /// The candidates inside a command: its verb words, then its options and values.
  func commandCandidates(_ words: [String], typed: String) -> [String] {
    let group = words[0]
    if let (command, used) = command(in: words) {
      return OptionCompletion(command: command, entityNames: entityNames, files: files)
        .candidates(after: Array(words.dropFirst(1 + used)), typed: typed)
    }
    let verbs = verbWords(of: group, after: Array(words.dropFirst()))
    return Self.matching(typed, in: verbs)
  }

  /// The command `words` start with and how many verb words it took: `sandbox device
  /// add` is the verb `device add` of the group `sandbox`.
  func command(in words: [String]) -> (CommandSpec, Int)? {
    let inGroup = commands.filter { $0.group == words.first }
    for count in [2, 1] where words.count > count {
      let verb = words[1...count].joined(separator: " ")
      if let command = inGroup.first(where: { $0.verb == verb }) { return (command, count) }
    }
    return nil
  }

  /// The next word of the group's verbs after the verb words already typed.
  private func verbWords(of group: String, after typed: [String]) -> [String] {
    commands.filter { $0.group == group }.compactMap { command in
      let parts = command.verb.split(separator: " ").map(String.init)
      guard parts.count > typed.count, Array(parts.prefix(typed.count)) == typed else {
        return nil
      }
      return parts[typed.count]
    }
  }

  var groups: [String] {
    var seen: Set<String> = []
    return commands.map(\.group).filter { seen.insert($0).inserted }
  }

  /// The file paths completing `typed`, quoted where needed.
  func paths(_ typed: String) -> [String] {
    Set(files(typed)).sorted().map(ShellQuoting.quote)
  }

  /// The pipe stages of the statement at the cursor and the partial word there.
  private static func split(_ text: String) -> ([[ShellWords.Word]], ShellWords.Word?) {
    let line = ShellWords(text)
    var stages = line.lastStatementStages
    guard case .word(let last) = line.pieces.last, last.range.upperBound == text.endIndex else {
      return (stages, nil)
    }
    stages[stages.count - 1].removeLast()
    return (stages, last)
  }

  /// The statement's words without a leading `impt`, `explain`, `let NAME =` or
  /// `for NAME in`, and whether anything was dropped.
  static func droppingIntroducers(_ words: [String]) -> ([String], Bool) {
    var rest = words[...]
    var dropped = false
    while true {
      if rest.first == "impt" || rest.first == "explain" {
        rest = rest.dropFirst()
      } else if rest.count >= 3, rest.first == "let", rest.dropFirst(2).first == "=" {
        rest = rest.dropFirst(3)
      } else if rest.count >= 3, rest.first == "for", rest.dropFirst(2).first == "in" {
        rest = rest.dropFirst(3)
      } else {
        return (Array(rest), dropped)
      }
      dropped = true
    }
  }

  /// The sorted, unique words of `words` that start with `typed`, quoted where needed.
  static func matching(_ typed: String, in words: [String], prefix: String = "") -> [String] {
    Set(words.filter { $0.hasPrefix(typed) }).sorted().map { prefix + ShellQuoting.quote($0) }
  }
}
