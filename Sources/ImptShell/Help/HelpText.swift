import ImptCommands
import ImptLanguage

/// Help, written from the catalogue: the groups, one group's commands, or one command's
/// synopsis, options and examples.
struct HelpText {
  let catalogue: Catalogue

  /// The help for a topic, ending with a newline.
  func text(for topic: HelpTopic) -> String {
    switch topic {
    case .overview: overview()
    case .group(let group): groupHelp(group)
    case .command(let spec): commandHelp(spec)
    case .language(let word): LanguageHelp.text(for: word)
    }
  }

  private func overview() -> String {
    let width = (catalogue.groups.map(\.count).max() ?? 0) + 2
    var lines = ["Commands, by group (help GROUP for more):"]
    for group in catalogue.groups {
      let summary = CommandCatalogue.groupSummaries[group] ?? ""
      lines.append("  " + group.padding(toLength: width, withPad: " ", startingAt: 0) + summary)
    }
    lines.append("")
    lines.append("The language (help WORD for more):")
    lines.append("  " + Checker.languageTopics.joined(separator: " "))
    lines.append("")
    lines.append("A line of impt works as written, with or without a leading 'impt'.")
    return lines.joined(separator: "\n") + "\n"
  }

  private func groupHelp(_ group: String) -> String {
    let commands = catalogue.commands(in: group)
    let width = (commands.map(\.verb.count).max() ?? 0) + 2
    var lines = ["\(group): \(CommandCatalogue.groupSummaries[group] ?? "")", ""]
    for spec in commands {
      lines.append(
        "  " + spec.verb.padding(toLength: width, withPad: " ", startingAt: 0) + spec.summary)
    }
    lines.append("")
    lines.append("help \(group) VERB shows a command's options and examples.")
    return lines.joined(separator: "\n") + "\n"
  }

  private func commandHelp(_ spec: CommandSpec) -> String {
    var lines = ["usage: " + synopsis(spec), "", spec.summary]
    if !spec.details.isEmpty { lines += ["", spec.details] }
    lines += ["", "options:"] + optionLines(spec.options + CommandSpec.commonOptions)
    if !spec.examples.isEmpty {
      lines += ["", "examples:"]
      for example in spec.examples {
        lines += ["  " + example.line, "      " + example.note]
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `dg create --name NAME [--dg-type TYPE] …`.
  func synopsis(_ spec: CommandSpec) -> String {
    let parts = spec.options.map { option -> String in
      let word = "--\(option.name)" + (option.showsValue ? " " + placeholder(option) : "")
      return option.requirement == .required ? word : "[\(word)]"
    }
    return ([spec.name] + parts).joined(separator: " ")
  }

  private func optionLines(_ options: [OptionSpec]) -> [String] {
    let names = options.map { option -> String in
      let short = option.short.map { "-\($0), " } ?? "    "
      let value = option.showsValue ? " " + placeholder(option) : ""
      return short + "--" + option.name + value
    }
    let width = (names.map(\.count).max() ?? 0) + 2
    return zip(names, options).map { name, option in
      "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + describe(option)
    }
  }

  private func describe(_ option: OptionSpec) -> String {
    var text = option.summary
    switch option.requirement {
    case .required: text += " (required)"
    case .fromContext(let slot): text += " (default: the session's \(slot.rawValue), see 'use')"
    case .optional: break
    }
    if case .choice(let words) = option.kind {
      text += "; one of: " + words.joined(separator: ", ")
    }
    if case .choiceList(let words) = option.kind {
      text += "; any of: " + words.joined(separator: ", ")
    }
    if option.kind == .textList || option.kind.isChoiceList { text += "; repeatable" }
    return text
  }

  private func placeholder(_ option: OptionSpec) -> String {
    if !option.placeholder.isEmpty { return option.placeholder }
    switch option.kind {
    case .integer: return "N"
    case .toggle: return "[true|false]"
    default: return "VALUE"
    }
  }
}

extension OptionSpec {
  /// Whether help shows a value after the option: toggles show `[true|false]`.
  fileprivate var showsValue: Bool { takesValue || kind == .toggle }
}

extension OptionKind {
  var isChoiceList: Bool {
    if case .choiceList = self { return true }
    return false
  }
}
