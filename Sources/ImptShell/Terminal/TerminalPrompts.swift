/// Questions the shell asks a person: yes or no, and secrets typed without echo.
///
/// Both refuse with a `TerminalError` when standard input is not a terminal, so a script
/// never hangs on a question nobody sees nor assumes an answer.
public struct TerminalPrompts {
  private let device: any PromptDevice

  /// Creates prompts on `device`, by default the process's terminal.
  public init(device: any PromptDevice = TerminalDevice()) {
    self.device = device
  }

  /// Asks a yes-or-no question until it gets `y`, `yes`, `n` or `no`.
  ///
  /// - Returns: true for yes; false for no, Ctrl-C or the end of input.
  /// - Throws: `TerminalError.confirmationNeedsTerminal` without a terminal.
  public func confirm(_ question: String) throws(TerminalError) -> Bool {
    guard device.isTerminal else { throw .confirmationNeedsTerminal }
    while true {
      switch device.readLine(prompt: "\(question) (y/n) ", echo: true) {
      case .line(let answer):
        if let yes = Self.answer(answer) { return yes }
        device.write("please answer 'y' or 'n'\n")
      case .interrupted, .endOfInput:
        device.write("\n")
        return false
      }
    }
  }

  /// Reads a secret with echo off; the terminal's settings come back even on Ctrl-C.
  ///
  /// - Parameters:
  ///   - prompt: the text before the input, such as `password: `.
  ///   - what: what is asked for, for the refusal message: `password`.
  /// - Returns: the secret, or nil on Ctrl-C or the end of input.
  /// - Throws: `TerminalError.secretNeedsTerminal` without a terminal.
  public func readSecret(_ prompt: String, what: String = "password") throws(TerminalError)
    -> String?
  {
    guard device.isTerminal else { throw .secretNeedsTerminal(what) }
    let input = device.readLine(prompt: prompt, echo: false)
    device.write("\n")
    if case .line(let secret) = input { return secret }
    return nil
  }

  private static func answer(_ text: String) -> Bool? {
    switch text.trimmingWhitespace().lowercased() {
    case "y", "yes": true
    case "n", "no": false
    default: nil
    }
  }
}

/// Where prompts are shown and answered: the terminal, or a fake in tests.
public protocol PromptDevice: AnyObject {
  /// Whether a person can answer: standard input is a terminal.
  var isTerminal: Bool { get }
  /// Shows text to the person.
  func write(_ text: String)
  /// Shows `prompt` once the terminal is ready for the answer, then reads one line;
  /// `echo: false` hides what is typed.
  func readLine(prompt: String, echo: Bool) -> LineEvent
}

extension String {
  /// The string without leading and trailing whitespace.
  func trimmingWhitespace() -> String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
