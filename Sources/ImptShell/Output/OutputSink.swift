import Foundation

/// Where the shell writes: results to standard output, notes and errors to standard error.
public protocol OutputSink: Sendable {
  /// Writes result text.
  func out(_ text: String)
  /// Writes notes, diagnostics and prompts.
  func err(_ text: String)
}

/// The process's standard output and error.
public struct StandardOutput: OutputSink {
  /// Creates the sink.
  public init() {}

  public func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  public func err(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}

/// Collects what would be written, for tests.
public final class CapturedOutput: OutputSink, @unchecked Sendable {
  // Safe: both buffers are only touched while holding `lock`.
  private let lock = NSLock()
  private var outText = ""
  private var errText = ""

  /// Creates an empty capture.
  public init() {}

  public func out(_ text: String) { lock.withLock { outText += text } }
  public func err(_ text: String) { lock.withLock { errText += text } }

  /// Everything written as results.
  public var standardOutput: String { lock.withLock { outText } }
  /// Everything written as notes and errors.
  public var standardError: String { lock.withLock { errText } }

  /// Forgets what was written so far.
  public func reset() {
    lock.withLock {
      outText = ""
      errText = ""
    }
  }
}
