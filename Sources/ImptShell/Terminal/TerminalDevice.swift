#if canImport(Glibc)
  import Glibc

  private let systemRead = Glibc.read
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin

  private let systemRead = Darwin.read
  private let systemWrite = Darwin.write
#endif

/// The process's terminal for prompts: reads standard input, writes standard error.
///
/// Questions go to standard error so that they stay visible when output is redirected.
/// While a line is read, ISIG is off and Ctrl-C is an extra end-of-line character: the
/// read ends at once with `.interrupted`, no signal is raised, and the saved settings are
/// put back on every path. The kernel's line editing (backspace) still works.
public final class TerminalDevice: PromptDevice {
  private let input: Int32
  private let output: Int32

  /// Creates the device over standard input and standard error.
  public init() {
    input = STDIN_FILENO
    output = STDERR_FILENO
  }

  /// Whether standard input is a terminal.
  public var isTerminal: Bool { isatty(input) == 1 }

  /// Writes `text` to standard error.
  public func write(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes {
        systemWrite(output, $0.baseAddress! + offset, $0.count - offset)
      }
      if written < 0, errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }

  /// Shows `prompt` and reads one line from the terminal, with echo on or off.
  ///
  /// The prompt is written after the terminal is set up, so a quick answer typed as soon
  /// as it shows is already read in the right mode.
  public func readLine(prompt: String, echo: Bool) -> LineEvent {
    var saved = termios()
    guard tcgetattr(input, &saved) == 0 else { return .endOfInput }
    var settings = saved
    settings.c_lflag &= ~tcflag_t(ISIG)
    if !echo { settings.c_lflag &= ~tcflag_t(ECHO | ECHONL) }
    withUnsafeMutableBytes(of: &settings.c_cc) { $0[Int(VEOL)] = Self.controlC }
    tcsetattr(input, TCSANOW, &settings)
    defer { tcsetattr(input, TCSANOW, &saved) }
    write(prompt)
    return readBytes()
  }

  private static let controlC: UInt8 = 3

  private func readBytes() -> LineEvent {
    var line: [UInt8] = []
    var byte: UInt8 = 0
    while true {
      let count = systemRead(input, &byte, 1)
      if count < 0, errno == EINTR { continue }
      if count <= 0 {
        return line.isEmpty ? .endOfInput : .line(String(decoding: line, as: UTF8.self))
      }
      switch byte {
      case UInt8(ascii: "\n"): return .line(String(decoding: line, as: UTF8.self))
      case Self.controlC: return .interrupted
      default: line.append(byte)
      }
    }
  }
}
