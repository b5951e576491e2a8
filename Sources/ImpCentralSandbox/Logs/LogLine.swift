import ImpCentral

/// One line of a device's log, as the history and the log streams show it.
struct LogLine: Sendable, Equatable {
  var deviceID: String
  var ts: String
  /// `development` or `production`.
  var logType: String
  /// `status`, `server.log`, `agent.log`, `server.error`…
  var type: String
  var msg: String
  /// The line's row id in `device_logs`, which streams use to tell the lines they have
  /// sent from newer ones; 0 when unknown.
  var seq = 0

  /// The line as a historical log entry or a JSON stream message.
  var json: JSONValue {
    [
      "device_id": .string(deviceID), "ts": .string(ts), "log_type": .string(logType),
      "type": .string(type), "msg": .string(msg),
    ]
  }

  /// The line as encoded JSON, for history pages.
  var fragment: JSONFragment { JSONFragment(json) }

  /// The line as a text stream message: `<device> <ts> <log_type> <type> <msg>`.
  var text: String { [deviceID, ts, logType, type, msg].joined(separator: " ") }
}

/// The log types a device or agent can produce.
enum LogTypes {
  static let all = [
    "server.log", "server.error", "server.sleep", "agent.log", "agent.error", "status",
    "powerstate", "lastexitcode", "firmware", "IDE.log",
  ]
}

/// What a log stream sends: a state change or a log line.
enum StreamEvent: Sendable, Equatable {
  /// The states a stream or one of its devices goes through.
  enum State: String, Sendable {
    case opened, closed, subscribed, unsubscribed
  }

  case state(State, deviceID: String?)
  case log(LogLine)

  /// The event as a server-sent event in `format` (`json` or `text`).
  func serverSentEvent(format: LogStreamFormat) -> ServerSentEvent {
    switch (self, format) {
    case (.state(let state, let device), .json):
      var members: [String: JSONValue] = ["state": .string(state.rawValue)]
      if let device { members["device_id"] = .string(device) }
      return ServerSentEvent(event: "state_change", data: Self.text(.object(members)))
    case (.state(let state, let device), .text):
      let data = device.map { "\($0) \(state.rawValue)" } ?? state.rawValue
      return ServerSentEvent(event: "state_change", data: data)
    case (.log(let line), .json):
      return ServerSentEvent(data: Self.text(line.json))
    case (.log(let line), .text):
      return ServerSentEvent(data: line.text)
    }
  }

  private static func text(_ value: JSONValue) -> String {
    String(decoding: JSONWriter.data(value), as: UTF8.self)
  }
}

/// The two forms a log stream can take.
enum LogStreamFormat: String, Sendable {
  case text, json
}
