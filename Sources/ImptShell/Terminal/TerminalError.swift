/// Why the shell cannot ask the user something.
///
/// Prompts need a person at a terminal; scripts and pipes get this error instead of a
/// hang or an assumed answer.
public struct TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The stable id tests and documentation name: `terminal.confirmationNeedsTerminal`.
  public var id: String
  /// What went wrong, lowercase, no final period.
  public var message: String
  /// How to get past it, as a full sentence.
  public var help: String

  /// A destructive command wanted confirmation, but standard input is not a terminal.
  public static let confirmationNeedsTerminal = TerminalError(
    id: "terminal.confirmationNeedsTerminal",
    message: "confirmation needs a terminal, and standard input is not one",
    help: "Pass '--confirmed' to go ahead without being asked."
  )

  /// A command wanted to ask for a secret, but standard input is not a terminal.
  public static func secretNeedsTerminal(_ what: String) -> TerminalError {
    TerminalError(
      id: "terminal.secretNeedsTerminal",
      message: "cannot ask for the \(what) without a terminal",
      help: "Give the \(what) with its option, or run the command in a terminal."
    )
  }

  /// The message and its help line, as the shell prints them.
  public var description: String { "\(message)\nhelp: \(help)" }
}
