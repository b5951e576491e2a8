/// Every command the language knows, looked up by group and verb.
///
/// Parsing, checking, completion and help read commands from here.
public struct Catalogue: Sendable {
  /// The commands, in the order given.
  public let commands: [CommandSpec]
  /// Other names for groups: `devicegroup` for `dg`.
  public let groupAliases: [String: String]
  /// The group names in the order their first command appears.
  public let groups: [String]
  /// Group, then verb, to the command's position.
  private let index: [String: [String: Int]]

  /// Creates a catalogue; a later command with the same group and verb is ignored, and
  /// `problems` reports it.
  public init(_ commands: [CommandSpec], groupAliases: [String: String] = [:]) {
    self.commands = commands
    self.groupAliases = groupAliases
    var index: [String: [String: Int]] = [:]
    var groups: [String] = []
    for (position, command) in commands.enumerated() {
      if index[command.group]?[command.verb] == nil {
        index[command.group, default: [:]][command.verb] = position
      }
      if !groups.contains(command.group) { groups.append(command.group) }
    }
    self.index = index
    self.groups = groups
  }

  /// The group a word names, directly or by an alias.
  public func group(named word: String) -> String? {
    if groups.contains(word) { return word }
    return groupAliases[word].flatMap { groups.contains($0) ? $0 : nil }
  }

  /// The command `group verb`; the group may be an alias.
  public func command(group: String, verb: String) -> CommandSpec? {
    guard let group = self.group(named: group) else { return nil }
    return index[group]?[verb].map { commands[$0] }
  }

  /// The commands of a group, in catalogue order.
  public func commands(in group: String) -> [CommandSpec] {
    guard let group = self.group(named: group) else { return [] }
    return commands.filter { $0.group == group }
  }

  /// The verbs of a group, in catalogue order.
  public func verbs(in group: String) -> [String] {
    commands(in: group).map(\.verb)
  }

  /// Mistakes in the catalogue itself, one sentence each: a repeated command, option or
  /// short alias, or a pipe option the command does not have. Empty when all is well.
  public var problems: [String] {
    var problems: [String] = []
    var seen: Set<String> = []
    for command in commands {
      if !seen.insert(command.name).inserted {
        problems.append("The command '\(command.name)' is defined twice.")
      }
      problems += command.problems
    }
    return problems
  }
}

extension CommandSpec {
  /// The option with the long name `name`, including `--help` and `--output`, which every
  /// command accepts.
  public func longOption(_ name: String) -> OptionSpec? {
    options.first { $0.name == name } ?? Self.commonOptions.first { $0.name == name }
  }

  /// The option with the one-letter alias `letter`, including `-h` and `-z`.
  public func shortOption(_ letter: Character) -> OptionSpec? {
    options.first { $0.short == letter }
      ?? Self.commonOptions.first { $0.short == letter && longOption($0.name) == $0 }
  }

  /// The options every command accepts: `--help` (`-h`) and `--output` (`-z`).
  public static let commonOptions: [OptionSpec] = [helpOption, outputOption]

  /// `--help`, `-h`: show the command's help instead of running it.
  public static let helpOption = OptionSpec(
    "help", short: "h", kind: .flag, summary: "show help for this command")

  /// `--output MODE`, `-z MODE`: how to show the result.
  public static let outputOption = OptionSpec(
    "output", short: "z", kind: .choice(OutputFormat.allCases.map(\.rawValue)),
    placeholder: "MODE", summary: "how to show the result")

  /// Every long option name the command takes, for suggestions.
  var optionNames: [String] { (options + Self.commonOptions).map(\.name) }

  fileprivate var problems: [String] {
    var problems: [String] = []
    var names: Set<String> = []
    var shorts: Set<Character> = []
    for option in options {
      if !names.insert(option.name).inserted {
        problems.append("'\(name)' has the option '--\(option.name)' twice.")
      }
      if let short = option.short, !shorts.insert(short).inserted {
        problems.append("'\(name)' gives the alias '-\(short)' to two options.")
      }
    }
    if let pipeOption, !names.contains(pipeOption) {
      problems.append("'\(name)' takes piped input into '--\(pipeOption)', which it does not have.")
    }
    if let positionalOption, !names.contains(positionalOption) {
      problems.append(
        "'\(name)' fills '--\(positionalOption)' from a bare word but has no such option.")
    }
    return problems
  }
}

/// How a statement's result is shown: impt's `--output` values plus `table`.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
  case table
  case json
  case minimal
  case debug
}
