import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about the terminal the shell runs in.
public enum Terminal {
  /// The width assumed when standard output is not a terminal or reports no size.
  public static let defaultWidth = 80

  /// Whether standard input is a terminal.
  public static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

  /// Whether standard output is a terminal.
  public static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// Whether the shell talks to a person: both standard input and output are terminals.
  public static var isInteractive: Bool { inputIsTerminal && outputIsTerminal }

  /// The number of columns of the terminal on standard output, or `defaultWidth`.
  public static var width: Int {
    let columns = Int(ceditline_terminal_width(STDOUT_FILENO))
    return columns > 0 ? columns : defaultWidth
  }
}
