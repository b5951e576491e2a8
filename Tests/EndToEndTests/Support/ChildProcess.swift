import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A child process with its standard output and error collected as they arrive.
final class ChildProcess: @unchecked Sendable {
  // Safe: `process` is configured in `init` and only started, signalled and read after
  // that; the output buffers are Sendable on their own.
  private let process = Process()
  private let output = OutputBuffer()
  private let errors = OutputBuffer()
  private let input: Data?

  /// Creates a child running `executable` with `arguments`, in `folder`, with exactly
  /// `environment`, and `input` (or nothing) on standard input.
  init(
    _ executable: String, _ arguments: [String], environment: [String: String], folder: String,
    input: Data? = nil
  ) {
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.standardInput = FileHandle.nullDevice
    self.input = input
  }

  /// Starts the child and the readers of its output.
  func start() throws {
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let feed = input.map { _ in Pipe() }
    if let feed { process.standardInput = feed }
    try process.run()
    if let feed, let input {
      feed.fileHandleForWriting.write(input)
      try feed.fileHandleForWriting.close()
    }
    output.read(out.fileHandleForReading)
    errors.read(err.fileHandleForReading)
  }

  /// What the child wrote to standard output so far.
  var standardOutput: String { output.text }
  /// What the child wrote to standard error so far.
  var standardError: String { errors.text }
  /// Whether the child is still running.
  var isRunning: Bool { process.isRunning }

  /// The CPU time the child has used so far, user and system, in seconds; nil once it
  /// has exited.
  var cpuSeconds: Double? {
    let path = "/proc/\(process.processIdentifier)/stat"
    guard let stat = try? String(contentsOfFile: path, encoding: .utf8),
      let end = stat.lastIndex(of: ")")
    else { return nil }
    // Fields after the command name, which ends at the last ')': state is field 3,
    // utime field 14 and stime field 15.
    let fields = stat[stat.index(after: end)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12])
    else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  /// Sends `signal` (SIGINT, as Ctrl-C would) to the child.
  func send(_ signal: Int32) {
    if process.isRunning { kill(process.processIdentifier, signal) }
  }

  /// Waits for the child to exit and its output to end; kills it and throws after
  /// `seconds`.
  func wait(seconds: Double) async throws -> Int32 {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while process.isRunning {
      if Date() > deadline {
        send(SIGKILL)
        throw TimedOut(seconds: seconds, output: standardOutput, errors: standardError)
      }
      try await Task.sleep(for: .milliseconds(20))
    }
    await output.waitForEnd(until: deadline)
    await errors.waitForEnd(until: deadline)
    return process.terminationStatus
  }

  /// Waits until standard output holds `text`; false when `seconds` pass first or the
  /// child exits without writing it.
  func waitForOutput(_ text: String, seconds: Double) async -> Bool {
    await waitUntil(seconds: seconds) { self.standardOutput.contains(text) }
  }

  /// Waits until standard error holds `text`; false when `seconds` pass first or the
  /// child exits without writing it.
  func waitForError(_ text: String, seconds: Double) async -> Bool {
    await waitUntil(seconds: seconds) { self.standardError.contains(text) }
  }

  private func waitUntil(seconds: Double, _ condition: () -> Bool) async -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while Date() < deadline {
      if condition() { return true }
      if !process.isRunning { return condition() }
      try? await Task.sleep(for: .milliseconds(20))
    }
    return false
  }

  /// A child that did not finish in time.
  struct TimedOut: Error, CustomStringConvertible {
    var seconds: Double
    var output: String
    var errors: String

    var description: String {
      "the child process did not finish within \(seconds) s\nstdout: \(output)\nstderr: \(errors)"
    }
  }
}

/// Bytes read from a pipe on a thread of their own, until the pipe closes.
final class OutputBuffer: @unchecked Sendable {
  // Safe: `data` and `ended` are only touched while holding `lock`.
  private let lock = NSLock()
  private var data = Data()
  private var ended = false

  /// Reads `handle` until end of file on a new thread.
  func read(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        lock.withLock { data.append(chunk) }
      }
      lock.withLock { ended = true }
    }
  }

  /// Everything read so far, as UTF-8 text.
  var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

  /// Waits until the pipe has closed, or `deadline` passes.
  func waitForEnd(until deadline: Date) async {
    while !lock.withLock({ ended }) && Date() < deadline {
      try? await Task.sleep(for: .milliseconds(10))
    }
  }
}
