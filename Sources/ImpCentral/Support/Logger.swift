import Foundation

/// A logger in the swift-log manner: constant messages, dotted metadata keys, and a
/// handler chosen by the executable alone.
///
/// Libraries take a `Logger` and log at `debug` or `trace`; what the user asked to see is
/// output, not logging. Secrets are never put in metadata.
public struct Logger: Sendable {
  /// How much a log record matters.
  public enum Level: Int, Sendable, Comparable, CaseIterable {
    case trace, debug, info, notice, warning, error

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The level's lowercase name.
    public var name: String { String(describing: self) }
  }

  /// Receives the records a logger lets through.
  public typealias Handler = @Sendable (Record) -> Void

  /// One log record.
  public struct Record: Sendable {
    public var label: String
    public var level: Level
    public var message: String
    public var metadata: [String: String]
  }

  /// The subsystem name, such as `impcentral.http`.
  public let label: String
  /// The least important level that reaches the handler.
  public var level: Level
  private let handler: Handler?

  /// Creates a logger that sends records at `level` or above to `handler`.
  public init(label: String, level: Level = .info, handler: Handler? = nil) {
    self.label = label
    self.level = level
    self.handler = handler
  }

  /// A logger that discards everything.
  public static let disabled = Logger(label: "disabled")

  /// The same handler and level under another label.
  public func child(_ label: String) -> Logger {
    Logger(label: label, level: level, handler: handler)
  }

  /// Logs `message` with `metadata` at `level`.
  public func log(_ level: Level, _ message: String, _ metadata: [String: String] = [:]) {
    guard let handler, level >= self.level else { return }
    handler(Record(label: label, level: level, message: message, metadata: metadata))
  }

  /// Logs at trace level.
  public func trace(_ message: String, _ metadata: [String: String] = [:]) {
    log(.trace, message, metadata)
  }

  /// Logs at debug level.
  public func debug(_ message: String, _ metadata: [String: String] = [:]) {
    log(.debug, message, metadata)
  }

  /// Logs at warning level.
  public func warning(_ message: String, _ metadata: [String: String] = [:]) {
    log(.warning, message, metadata)
  }

  /// A handler that writes one line per record to standard error.
  public static let standardErrorHandler: Handler = { record in
    let pairs = record.metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    let line = ([record.level.name, record.label, record.message] + pairs)
      .joined(separator: " ")
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
