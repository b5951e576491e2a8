/// Whether output is coloured, and the few ANSI styles the shell uses.
///
/// Colour is on only when standard output is a terminal, `NO_COLOR` is unset or empty,
/// and `--no-color` was not given. With colour off every style returns its text as is.
public struct Colors: Sendable, Equatable {
  /// Whether styles emit escape sequences.
  public var isEnabled: Bool

  /// Colours that style nothing, for files, pipes and tests.
  public static let off = Colors(isEnabled: false)

  /// Creates colours that are on or off.
  public init(isEnabled: Bool) {
    self.isEnabled = isEnabled
  }

  /// Decides from the command line, the environment and the terminal.
  ///
  /// - Parameters:
  ///   - noColorFlag: whether `--no-color` was given.
  ///   - environment: the process environment, for `NO_COLOR`.
  ///   - outputIsTerminal: whether standard output is a terminal.
  public init(noColorFlag: Bool, environment: [String: String], outputIsTerminal: Bool) {
    let noColorSet = !(environment["NO_COLOR"] ?? "").isEmpty
    isEnabled = outputIsTerminal && !noColorSet && !noColorFlag
  }

  /// Bold text.
  public func bold(_ text: String) -> String { styled(text, "1") }
  /// Dim text, for secondary details.
  public func dim(_ text: String) -> String { styled(text, "2") }
  /// Red text, for errors.
  public func red(_ text: String) -> String { styled(text, "31") }
  /// Green text, for success.
  public func green(_ text: String) -> String { styled(text, "32") }
  /// Yellow text, for warnings and the sandbox marker.
  public func yellow(_ text: String) -> String { styled(text, "33") }
  /// Cyan text, for names and context.
  public func cyan(_ text: String) -> String { styled(text, "36") }

  private func styled(_ text: String, _ code: String) -> String {
    isEnabled ? "\u{1b}[\(code)m\(text)\u{1b}[0m" : text
  }
}
