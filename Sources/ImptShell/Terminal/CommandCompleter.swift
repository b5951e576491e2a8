import ImpCentral
import ImptLanguage

/// Completes imptsh input from the command catalogue.
///
/// At the start of a statement it offers the groups and the statement words (`use`,
/// `let`, …); after a group, its verbs; after a verb, the options not given yet; after an
/// option, its choices or the names of the entities it identifies. A word starting with
/// `$` completes to a variable. A leading `impt`, `explain`, `let NAME =` or
/// `for NAME in` is skipped, so `impt dg cr` completes like `dg cr`.
///
///     "dg create --dg-type pro"   →   ["production"]
public struct CommandCompleter: Completer {
  private let commands: [CommandSpec]
  private let statementWords: [String]
  private let entityNames: (ResourceKind) -> [String]
  private let variableNames: () -> [String]

  /// Creates a completer.
  ///
  /// - Parameters:
  ///   - commands: the command catalogue.
  ///   - statementWords: the language's own words offered at the start of a statement.
  ///   - entityNames: the known names of entities of a kind, from a cache; never blocks.
  ///   - variableNames: the names of the session's variables, without `$`.
  public init(
    commands: [CommandSpec],
    statementWords: [String],
    entityNames: @escaping (ResourceKind) -> [String] = { _ in [] },
    variableNames: @escaping () -> [String] = { [] }
  ) {
    self.commands = commands
    self.statementWords = statementWords
    self.entityNames = entityNames
    self.variableNames = variableNames
  }

  /// The completions for the word that ends `textBeforeCursor`.
  public func complete(_ textBeforeCursor: String) -> Completion {
    let (before, partial) = Self.split(textBeforeCursor)
    let word = partial.map { String(textBeforeCursor[$0.range]) } ?? ""
    let typed = partial?.text ?? ""

    if word.hasPrefix("$") {
      let names = Set(variableNames().map { "$" + $0 }.filter { $0.hasPrefix(typed) })
      return Completion(word: word, candidates: names.sorted())
    }

    let (statement, skipped) = Self.droppingIntroducers(before.map(\.text))
    let words = candidates(after: statement, typed: typed, atStatementStart: !skipped)
    return Completion(word: word, candidates: words)
  }

  private func candidates(after words: [String], typed: String, atStatementStart: Bool)
    -> [String]
  {
    switch words.count {
    case 0:
      let starts = groups + (atStatementStart ? statementWords : [])
      return Self.matching(typed, in: starts)
    case 1:
      let verbs = commands.filter { $0.group == words[0] }.map(\.verb)
      return Self.matching(typed, in: verbs)
    default:
      guard let command = commands.first(where: { $0.group == words[0] && $0.verb == words[1] })
      else { return [] }
      return OptionCompletion(command: command, entityNames: entityNames)
        .candidates(after: Array(words.dropFirst(2)), typed: typed)
    }
  }

  private var groups: [String] {
    var seen: Set<String> = []
    return commands.map(\.group).filter { seen.insert($0).inserted }
  }

  /// The complete words of the current statement and the partial word at the cursor.
  private static func split(_ text: String) -> ([ShellWords.Word], ShellWords.Word?) {
    let line = ShellWords(text)
    var words = line.lastSegment
    guard case .word(let last) = line.pieces.last, last.range.upperBound == text.endIndex else {
      return (words, nil)
    }
    words.removeLast()
    return (words, last)
  }

  /// The statement's words without a leading `impt`, `explain`, `let NAME =` or
  /// `for NAME in`, and whether anything was dropped.
  private static func droppingIntroducers(_ words: [String]) -> ([String], Bool) {
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
