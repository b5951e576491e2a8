import ImpCentral

/// The check messages of the catalogue: each function gives one message, with its stable
/// `check.` id, text and help written out in its body.
extension Problem {
  static func unknownCommand(_ word: String, suggestion: String?) -> Problem {
    Problem(
      "check.unknownCommand", "unknown command '\(word)'",
      help: didYouMean(suggestion) + ["Type 'help' to list the commands."])
  }

  static func unknownVerb(group: String, verb: String, verbs: [String]) -> Problem {
    let suggestion = Suggestion.closest(to: verb, in: verbs).map { "\(group) \($0)" }
    return Problem(
      "check.unknownCommand", "unknown command '\(group) \(verb)'",
      help: didYouMean(suggestion) + ["The group '\(group)' has \(quotedList(verbs))."])
  }

  static func missingVerb(group: String, verbs: [String]) -> Problem {
    Problem(
      "check.missingVerb", "expected a command after '\(group)'",
      help: ["The group '\(group)' has \(quotedList(verbs))."])
  }

  static func unknownOption(
    _ written: String, command: String, suggestion: String?, longForm: String?
  ) -> Problem {
    let dashes = longForm.map { ["Long options take two dashes: '--\($0)'."] } ?? []
    return Problem(
      "check.unknownOption", "unknown option '\(written)' for '\(command)'",
      help: (longForm == nil ? didYouMean(suggestion.map { "--" + $0 }) : dashes)
        + ["Type '\(command) --help' to list its options."])
  }

  static func joinedShortOption(_ letter: String, value: String, secret: Bool) -> Problem {
    let written = secret ? letter + SecretSpelling.mask : letter + value
    let apart = letter + " " + (secret ? "VALUE" : value)
    return Problem(
      "check.joinedShortOption", "'\(written)' is not an option",
      help: ["Put a space between the option and its value: '\(apart)'."])
  }

  static func textComparedWithScalar(
    _ op: BinaryOperator, type: ValueType, text: String
  ) -> Problem {
    let unquoted: String? =
      type == .bool
      ? (["true", "false"].contains(text) ? text : nil)
      : (Double(text) != nil ? text : nil)
    let help =
      unquoted.map { "Write the value without quotes: '\(op.rawValue) \($0)'." }
      ?? (type == .bool ? "Compare with true or false, without quotes." : "Compare with a number.")
    return Problem(
      "check.textComparedWithScalar",
      "cannot compare \(type.phrase) with text using '\(op.rawValue)'; they are never equal",
      help: [help])
  }

  static func needsConfirmation(_ command: String) -> Problem {
    Problem(
      "check.needsConfirmation",
      "'\(command)' asks for confirmation and nothing can answer it here",
      help: ["Add --confirmed."])
  }

  static func repeatedOption(_ option: String) -> Problem {
    Problem(
      "check.repeatedOption", "'--\(option)' is given more than once",
      help: ["Give '--\(option)' once; only options that collect several values repeat."])
  }

  static func missingOption(_ option: OptionSpec, command: String) -> Problem {
    let placeholder = option.placeholder.isEmpty ? "VALUE" : option.placeholder
    var help = ["Give it as '--\(option.name) \(placeholder)'."]
    if case .fromContext(let slot) = option.requirement {
      help = [
        "Give '--\(option.name) \(placeholder)', or choose one first with "
          + "'use \(slot.rawValue) NAME'."
      ]
    }
    return Problem(
      "check.missingOption", "'\(command)' needs '--\(option.name)'", help: help)
  }

  static func missingValue(_ written: String) -> Problem {
    Problem(
      "check.missingValue", "expected a value after '\(written)'",
      help: ["Quote a value that starts with '-' and looks like an option: '\(written) \"-x\"'."])
  }

  static func badValue(
    _ option: OptionSpec, found: String?, expected: String, suggestion: String? = nil
  ) -> Problem {
    let tail = option.isSecret ? "" : found.map { ", found '\($0)'" } ?? ""
    return Problem(
      "check.badValue", "expected \(expected) for '--\(option.name)'\(tail)",
      help: didYouMean(option.isSecret ? nil : suggestion))
  }

  static func emptyValue(_ option: OptionSpec) -> Problem {
    Problem(
      "check.emptyValue", "'--\(option.name)' needs a value that is not empty",
      help: ["Give it some text, or leave the option out."])
  }

  static func unexpectedArgument(_ text: String, command: String) -> Problem {
    Problem(
      "check.unexpectedArgument", "unexpected argument '\(text)' for '\(command)'",
      help: ["Values follow their option, as in '--name VALUE'; quote text that has spaces."])
  }

  static func noPipeInput(_ command: String) -> Problem {
    Problem(
      "check.noPipeInput", "'\(command)' takes no piped input",
      help: ["Give what it needs as options, or start a new statement after ';'."])
  }

  static func pipeConflict(_ option: String, command: String) -> Problem {
    Problem(
      "check.pipeConflict", "'\(command)' gets '--\(option)' both from the pipe and as an option",
      help: ["Leave out '--\(option)' to use the piped input, or remove the '|' before it."])
  }

  static func pipeKindMismatch(command: String, wants: ResourceKind, input: ValueType) -> Problem {
    Problem(
      "check.pipeKindMismatch",
      "'\(command)' takes \(ValueType.entity(wants).plural) from the pipe, not \(input.plural)")
  }

  static func needsInput(_ filter: String) -> Problem {
    Problem(
      "check.needsInput", "'\(filter)' works on piped input, and nothing comes before it",
      help: ["Pipe a value into it, as in 'device list | \(filter)'."])
  }

  static func unknownVariable(_ name: String, suggestion: String?) -> Problem {
    Problem(
      "check.unknownVariable", "unknown variable '$\(name)'",
      help: didYouMean(suggestion.map { "$" + $0 }) + ["Define it first with 'let \(name) = …'."])
  }

  static func unavailableVariable(_ name: String, reason: String) -> Problem {
    Problem("check.unknownVariable", "'$\(name)' has no value here", help: [reason])
  }

  static func reservedName(_ name: String) -> Problem {
    Problem(
      "check.reservedName", "'\(name)' is a variable imptsh sets itself",
      help: ["Choose another name."])
  }

  static func unknownField(_ field: String, of type: ValueType, suggestion: String?) -> Problem {
    Problem(
      "check.unknownField", "\(type.phrase) has no field '\(field)'",
      help: didYouMean(suggestion))
  }

  static func fieldWithoutInput(_ name: String) -> Problem {
    Problem(
      "check.fieldWithoutInput", "'\(name)' names a field, but nothing is piped here",
      help: ["Write '$\(name)' for a variable, or quote text: \"\(name)\"."])
  }

  static func unknownFieldOrText(_ field: String, of type: ValueType, suggestion: String?)
    -> Problem
  {
    Problem(
      "check.unknownField", "\(type.phrase) has no field '\(field)'",
      help: didYouMean(suggestion) + [
        "To compare with the text '\(field)', quote it: \"\(field)\"."
      ])
  }

  static func noFields(_ field: String, of type: ValueType) -> Problem {
    Problem("check.noFields", "\(type.phrase) has no fields, so no '\(field)'")
  }

  static func notIndexable(_ type: ValueType) -> Problem {
    Problem(
      "check.notIndexable", "\(type.phrase) is not a list, so it cannot be indexed",
      help: ["Index a list, as in '$x.tags[0]'."])
  }

  static func notCondition(_ type: ValueType) -> Problem {
    Problem(
      "check.notCondition", "expected a condition (true or false), found \(type.phrase)",
      help: ["Compare it with a value, as in 'name == \"hall\"'."])
  }

  static func badSleep(_ found: String) -> Problem {
    Problem(
      "check.badSleep", "expected a number of seconds from 0 to 3600, found '\(found)'",
      help: ["Give the seconds to wait, as in 'sleep 2' or 'sleep 0.5'."])
  }

  static func badExit(_ found: String) -> Problem {
    Problem(
      "check.badExit", "expected an exit status from 0 to 255, found '\(found)'",
      help: ["Use 0 for success and 1 or more for failure, as in 'exit 1'."])
  }

  static func badCount(_ filter: String, found: String) -> Problem {
    Problem(
      "check.badCount", "expected a whole number of items after '\(filter)', found '\(found)'")
  }

  static func badRegex(_ pattern: String, reason: String) -> Problem {
    Problem(
      "check.badRegex", "'\(pattern)' is not a valid regular expression: \(reason)",
      help: ["Escape special characters with a backslash, as in '\\\\.'."])
  }

  static func unknownHelpTopic(_ words: String, suggestion: String?) -> Problem {
    Problem(
      "check.unknownHelpTopic", "no help on '\(words)'",
      help: didYouMean(suggestion) + ["Type 'help' to list the topics."])
  }

  static func unknownUseTarget(_ word: String) -> Problem {
    Problem(
      "check.unknownUseTarget", "expected 'product', 'dg' or 'none' after 'use', found '\(word)'",
      help: didYouMean(Suggestion.closest(to: word, in: ["product", "dg", "none"])))
  }

  static func missingUseValue(_ target: String) -> Problem {
    Problem(
      "check.missingUseValue", "expected a name after 'use \(target)'",
      help: ["Name the \(target == "dg" ? "device group" : "product"), as in 'use \(target) NAME'."]
    )
  }

  static func unexpectedUseValue() -> Problem {
    Problem("check.unexpectedUseValue", "'use none' takes nothing after it")
  }

  static func badRecordAction(_ found: String?) -> Problem {
    let tail = found.map { ", found '\($0)'" } ?? ""
    return Problem(
      "check.badRecordAction", "expected 'start FILE' or 'stop' after 'record'\(tail)")
  }

  static func sandboxOnly(_ command: String) -> Problem {
    Problem(
      "check.sandboxOnly", "'\(command)' works only on the sandbox",
      help: ["Start imptsh with '--sandbox PATH' to use it."])
  }

  static func sourceUnreadable(_ path: String, error: any Error) -> Problem {
    unreadable("check.sourceUnreadable", path, error)
  }

  /// `cannot read 'PATH': REASON`, or the error's own message when it already names the
  /// file, with the error's help.
  static func unreadable(_ id: String, _ path: String, _ error: any Error) -> Problem {
    let userFacing = error as? any UserFacingError
    let reason = userFacing?.message ?? String(describing: error)
    let message = reason.contains("'\(path)'") ? reason : "cannot read '\(path)': \(reason)"
    return Problem(id, message, help: userFacing?.help ?? [])
  }

  static func sourceCycle(_ path: String) -> Problem {
    Problem(
      "check.sourceCycle", "'\(path)' sources itself, directly or through other files",
      help: ["Remove the 'source' that leads back to it."])
  }

  static let explainNeedsCommand = Problem(
    "check.explainNeedsCommand", "'explain' shows the plan of commands, and this runs none",
    help: ["Give it a command, as in 'explain dg create --name X'."])
}
