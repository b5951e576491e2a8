import Foundation
import ImpCentral
import ImptCommands
import ImptLanguage

/// The language's view of the session: context, output, plans, help and recording.
public struct ShellHost: InterpreterHost {
  public let session: ShellSession

  /// Creates the host for a session.
  public init(session: ShellSession) {
    self.session = session
  }

  public var commandContext: any CommandContext { session.services() }

  public var isSandbox: Bool { session.connection.isEmulated }

  /// A terminal can answer a command's question; in a dry run nothing asks one.
  public var canConfirm: Bool { session.interaction.isInteractive || session.dryRun }

  public func contextSlots() -> Set<ContextSlot> {
    let context = session.context
    var slots = Set<ContextSlot>()
    if context.productID != nil { slots.insert(.product) }
    if context.deviceGroupID != nil { slots.insert(.deviceGroup) }
    return slots
  }

  public func contextValue(_ slot: ContextSlot) -> Value? {
    let context = session.context
    switch slot {
    case .product: return context.productID.map(Value.string)
    case .deviceGroup: return context.deviceGroupID.map(Value.string)
    }
  }

  public func use(_ request: UseRequest) async throws {
    try await ContextSwitch(session: session).apply(request)
  }

  public func readSource(_ path: String, relativeTo file: String) throws -> SourceFile {
    let base =
      file.hasPrefix("<") ? session.workingFolder : (file as NSString).deletingLastPathComponent
    let full = path.hasPrefix("/") ? path : (base.isEmpty ? path : base + "/" + path)
    guard let data = FileManager.default.contents(atPath: full) else {
      throw CommandError(
        "session.cannotRead", "cannot read '\(path)'",
        help: ["Check the path; it is read from \(base)."])
    }
    return SourceFile(path: full, text: String(decoding: data, as: UTF8.self))
  }

  public func show(_ value: Value, format: OutputFormat?) {
    session.show(value, format: format)
  }

  /// Shows what a read found in full. The one entity a write made or changed is shown
  /// briefly (its summary fields) at the prompt and not at all in scripts, where the
  /// write's note says what happened; the lists writes return (devices restarted, builds
  /// left) always show. JSON and minimal output show everything: automation reads them.
  public func show(_ value: Value, format: OutputFormat?, from command: CommandSpec?) {
    let mode = format ?? session.render.mode
    guard let command, command.effect != .read, mode == .table || mode == .debug,
      case .entity = value
    else { return session.show(value, format: format) }
    guard session.showsWriteResults else { return }
    guard case .record(let summary) = value.summary else { return session.show(value) }
    session.show(.record(summary.withoutNulls), format: format)
  }

  public func echo(_ text: String) {
    session.output.out(text + "\n")
  }

  public func plan(_ invocation: Invocation) async throws -> Value {
    try await Planner(session: session).plan(invocation)
  }

  public func record(_ request: RecordRequest) throws {
    try Recording.apply(request, to: session)
  }

  public func help(_ topic: HelpTopic) {
    session.output.out(HelpText(catalogue: session.catalogue).text(for: topic))
  }

  public func checkCancellation() throws {
    if session.isInterrupted() { throw CancellationError() }
  }
}
