import ImpCentral

/// The run messages of the catalogue: each function gives one message, with its stable
/// `run.` id, text and help written out in its body.
extension Problem {
  static func commandFailed(_ command: String, detail: String) -> Problem {
    Problem("run.commandFailed", "'\(command)' failed: \(detail)")
  }

  static func assertFailed(_ message: String?, condition: String) -> Problem {
    Problem("run.assertFailed", "assertion failed: " + (message ?? "'\(condition)'"))
  }

  static func missingArgument(_ index: Int, count: Int) -> Problem {
    let given = count == 1 ? "1 argument" : "\(count) arguments"
    return Problem(
      "run.missingArgument", "'$\(index)' has no value: the script was given \(given)",
      help: ["Pass it after the script's name: 'imptsh FILE ARG…'."])
  }

  static func missingContext(_ slot: ContextSlot, option: OptionSpec, command: String)
    -> Problem
  {
    let what = slot == .product ? "product" : "device group"
    return Problem(
      "run.missingContext", "'\(command)' needs '--\(option.name)', and no \(what) is in use",
      help: ["Give '--\(option.name)', or choose one first with 'use \(slot.rawValue) NAME'."])
  }

  static func badArgument(_ option: OptionSpec, found: Value, expected: String) -> Problem {
    let shown: String =
      if case .string(let text) = found { "'\(text)'" } else { found.phrase }
    let tail = option.isSecret ? "" : ", found \(shown)"
    return Problem("run.badArgument", "expected \(expected) for '--\(option.name)'\(tail)")
  }

  static func emptyArgument(_ option: OptionSpec) -> Problem {
    Problem(
      "run.emptyArgument", "'--\(option.name)' needs a value that is not empty",
      help: ["Check the variable that gives it; it holds empty text."])
  }

  static func notCondition(found: Value) -> Problem {
    Problem(
      "run.notCondition", "expected a condition (true or false), found \(found.phrase)",
      help: ["Compare it with a value, as in 'name == \"hall\"'."])
  }

  static func cannotCompare(_ op: BinaryOperator, _ left: Value, _ right: Value) -> Problem {
    let mixesText: Bool
    switch (left, right) {
    case (.string, .number), (.number, .string), (.string, .bool), (.bool, .string):
      mixesText = true
    default:
      mixesText = false
    }
    return Problem(
      "run.cannotCompare",
      "cannot compare \(left.phrase) with \(right.phrase) using '\(op.rawValue)'",
      help: mixesText
        ? ["Compare like with like: write numbers and true or false without quotes."] : [])
  }

  static func noFields(_ field: String, found: Value) -> Problem {
    Problem("run.noFields", "\(found.phrase) has no fields, so no '\(field)'")
  }

  static func notIndexable(found: Value) -> Problem {
    Problem("run.notIndexable", "\(found.phrase) is not a list, so it cannot be indexed")
  }

  static func indexOutOfRange(_ index: Int, count: Int) -> Problem {
    Problem(
      "run.indexOutOfRange", "index \(index) is outside a list of \(count)",
      help: ["Index from 0, or from -1 for the last item."])
  }

  static func badRegex(_ pattern: String) -> Problem {
    Problem(
      "run.badRegex", "'\(pattern)' is not a valid regular expression",
      help: ["Escape special characters with a backslash, as in '\\\\.'."])
  }

  static func badSleep(found: Value) -> Problem {
    Problem("run.badSleep", "expected a number of seconds from 0 to 3600, found \(found.phrase)")
  }

  static func badExit(found: Value) -> Problem {
    Problem("run.badExit", "expected an exit status from 0 to 255, found \(found.phrase)")
  }

  static func badCount(_ filter: String, found: Value) -> Problem {
    Problem(
      "run.badCount", "expected a whole number of items after '\(filter)', found \(found.phrase)")
  }

  static let interrupted = Problem("run.interrupted", "interrupted")

  static func sourceUnreadableAtRun(_ path: String, error: any Error) -> Problem {
    unreadable("run.sourceUnreadable", path, error)
  }

  static func sourceDidNotCheck(_ path: String) -> Problem {
    Problem(
      "run.sourceDidNotCheck", "'\(path)' has mistakes, so it did not run",
      help: ["Fix the mistakes listed with it."])
  }

  static let sourceTooDeep = Problem(
    "run.sourceTooDeep", "'source' is nested more than \(Evaluator.sourceDepthLimit) files deep",
    help: ["Check for files that source each other."])

  static func pipeItem(_ command: String, option: String, found: Value) -> Problem {
    Problem(
      "run.pipeItem", "'\(command)' cannot take \(found.phrase) from the pipe for '--\(option)'")
  }

  static func nullInText(_ written: String) -> Problem {
    let test = "test it first with 'if \(written) != null { … }'"
    let remedy =
      written.hasPrefix("$env.")
      ? "Set the environment variable, or \(test)." : "Give it a value, or \(test)."
    return Problem(
      "run.nullInText", "'\(written)' has no value to put in this text", help: [remedy])
  }

  static func unknownVariable(_ name: String) -> Problem {
    Problem("run.unknownVariable", "'$\(name)' has no value")
  }

  /// A command's own error, with the id it carries (`api.notFound`), not a `run.` one.
  static func userFacing(_ error: any UserFacingError) -> Problem {
    Problem(error.id, error.message, help: error.help)
  }
}
