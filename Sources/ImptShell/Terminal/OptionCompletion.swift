import ImpCentral
import ImptLanguage

/// Completes the options of one command and their values.
struct OptionCompletion {
  let command: CommandSpec
  let entityNames: (ResourceKind) -> [String]
  /// The paths completing a partly typed path, for options that name a file.
  var files: (String) -> [String] = { _ in [] }

  /// The candidates for `typed` after the command's argument words `arguments`.
  ///
  /// After an option that takes a value, the candidates are its values; otherwise they
  /// are the options not given yet (repeatable ones are always offered). `--opt=val`
  /// completes the value part.
  func candidates(after arguments: [String], typed: String) -> [String] {
    let (given, awaiting) = scan(arguments)
    if let option = awaiting { return values(of: option, typed: typed) }

    if typed.hasPrefix("-"), let equals = typed.firstIndex(of: "=") {
      let name = String(typed[..<equals])
      guard let option = command.option(named: Self.bareName(name)), option.takesValue
      else { return [] }
      let value = String(typed[typed.index(after: equals)...])
      return values(of: option, typed: value, prefix: name + "=")
    }
    guard typed.isEmpty || typed.hasPrefix("-") else { return [] }

    let open = command.options.filter { !given.contains($0.name) || $0.isRepeatable }
    return CommandCompleter.matching(typed, in: open.map { "--" + $0.name })
  }

  /// The options already given, and the option whose value comes next, if any.
  private func scan(_ arguments: [String]) -> (Set<String>, OptionSpec?) {
    var given: Set<String> = []
    var awaiting: OptionSpec?
    for word in arguments {
      if awaiting != nil {
        awaiting = nil
        continue
      }
      guard word.hasPrefix("-") else { continue }
      let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
      guard let option = command.option(named: Self.bareName(name)) else { continue }
      given.insert(option.name)
      if option.takesValue, !word.contains("=") { awaiting = option }
    }
    return (given, awaiting)
  }

  private func values(of option: OptionSpec, typed: String, prefix: String = "") -> [String] {
    var words: [String] = []
    switch option.kind {
    case .choice(let choices), .choiceList(let choices): words = choices
    default:
      if let kind = option.identifies {
        words = entityNames(kind)
      } else if option.namesFile {
        return Set(files(typed)).sorted().map { prefix + ShellQuoting.quote($0) }
      }
    }
    return CommandCompleter.matching(typed, in: words, prefix: prefix)
  }

  /// `dg-type` for `--dg-type`, `y` for `-y`.
  private static func bareName(_ spelling: String) -> String {
    String(spelling.drop { $0 == "-" })
  }
}

extension OptionSpec {
  /// Whether a value follows the option on the command line.
  var takesValue: Bool {
    switch kind {
    case .flag, .toggle: false
    default: true
    }
  }

  /// Whether the value is a file path: `--device-file`, `--agent-file`.
  var namesFile: Bool { placeholder == "FILE" || name.hasSuffix("-file") }

  /// Whether the option may be given more than once.
  var isRepeatable: Bool {
    switch kind {
    case .textList, .choiceList: true
    default: false
    }
  }
}
