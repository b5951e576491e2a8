import ImpCentral

/// A command's failure, in the user's terms: what went wrong and how to recover.
///
/// `id` is stable (`command.notFound`, `command.ambiguous`, …) so tests can name it.
public struct CommandError: Error, Sendable, CustomStringConvertible {
  /// The stable identity of the failure.
  public var id: String
  /// What went wrong: lowercase start, no final period, the user's text in single quotes.
  public var message: String
  /// Full sentences saying how to recover, each shown on a `help:` line.
  public var help: [String]
  /// Lines listed under the message, such as the candidates of an ambiguous name.
  public var details: [String]

  /// Creates an error.
  public init(_ id: String, _ message: String, help: [String] = [], details: [String] = []) {
    self.id = id
    self.message = message
    self.help = help
    self.details = details
  }

  public var description: String {
    ([message] + details.map { "  " + $0 } + help.map { "help: " + $0 })
      .joined(separator: "\n")
  }

  /// A failure that is imptsh's fault, never the input's.
  static func bug(_ what: String) -> CommandError {
    CommandError(
      "command.bug", "imptsh bug: \(what)",
      help: ["Please report this with the command that caused it."])
  }

  /// An option's value was not acceptable.
  static func badValue(_ option: String, _ expected: String) -> CommandError {
    CommandError("command.badValue", "'--\(option)' \(expected)")
  }

  /// A destructive command was not confirmed and nobody could be asked.
  static func needsConfirmation(_ command: String) -> CommandError {
    CommandError(
      "command.needsConfirmation",
      "'\(command)' changes the account and there is no terminal to confirm it",
      help: ["Add --confirmed to run it without asking."])
  }

  /// The person at the terminal said no.
  static let cancelled = CommandError("command.cancelled", "nothing was changed")
}
