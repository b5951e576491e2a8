import ImpCentral
import ImptLanguage

/// Follows devices' logs until the stream ends or the user presses Ctrl-C.
///
/// Shared by `log stream` and the `--log` option of restarts and `build run`.
struct LogStreaming {
  let services: any CommandServices

  /// Creates the streaming for one command.
  init(_ services: any CommandServices) {
    self.services = services
  }

  /// Opens a stream, subscribes the devices, and shows each line as it arrives.
  ///
  /// Returns when the service closes the stream; Ctrl-C cancels the task, which ends
  /// the stream and returns to the prompt.
  ///
  /// A dry run opens no stream (it would wait for lines that never come); it says so.
  func follow(_ devices: [Device]) async throws {
    let names = devices.prefix(5).map { $0.name ?? $0.id }.joined(separator: ", ")
    let more = devices.count > 5 ? " and \(devices.count - 5) more" : ""
    guard !services.isDryRun else {
      services.note("would follow the logs of \(names)\(more)")
      return
    }
    let client = services.client
    let stream = try await client.createLogStream(format: .json)
    let events = try await client.logStreamEvents(stream.id, format: .json)
    for device in devices { try await client.addDevice(device.id, toLogStream: stream.id) }
    services.note("following the logs of \(names)\(more); press Ctrl-C to stop")
    for try await event in events {
      try Task.checkCancellation()
      if try handle(event) { return }
    }
    // A cancelled task ends the events quietly: throw rather than blame the service.
    try Task.checkCancellation()
    services.note("the service ended the log stream")
  }

  /// Shows one event; true when the stream is over.
  private func handle(_ event: LogStreamEvent) throws -> Bool {
    switch event {
    case .message(let entry):
      services.emit(LogValues.value(entry))
    case .stateChange(let change):
      switch change.state {
      case .closed:
        services.note("the service closed the log stream")
        return true
      case .unsubscribed:
        services.note("the service stopped following device \(change.deviceID ?? "?")")
      case .subscribed, .opened:
        break
      }
    case .unrecognized:
      break
    }
    return false
  }
}

/// Log entries as language values: records of `ts`, `type`, `msg` (and the device).
enum LogValues {
  /// One entry as a record.
  static func value(_ entry: LogEntry) -> Value {
    var fields: [(String, Value)] = []
    if let device = entry.deviceID { fields.append(("device", .string(device))) }
    fields += [
      ("ts", .string(entry.ts)), ("type", .string(entry.type)), ("msg", .string(entry.msg)),
    ]
    return .record(Record(fields))
  }
}
