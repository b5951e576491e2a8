/// What a log stream delivers: a device's log line or a change in the stream's state.
public enum LogStreamEvent: Sendable, Hashable {
  /// A log line of a subscribed device.
  case message(LogEntry)
  /// The stream opened or closed, or a device was added or removed.
  case stateChange(LogStreamStateChange)
  /// An event this client cannot read; kept so nothing is silently lost.
  case unrecognized(ServerSentEvent)

  /// Reads one server-sent event in the given format.
  ///
  /// JSON: `{"device_id":"2347…","ts":"…","log_type":"development","type":"status",
  /// "msg":"Agent restarted: reload."}`; text: `2347… 2018-01-22T19:49:30.423Z development
  /// status Agent restarted: reload.`
  public init(_ event: ServerSentEvent, format: LogStreamFormat) {
    switch event.event {
    case nil, "message":
      self = Self.message(event, format: format).map(Self.message) ?? .unrecognized(event)
    case "state_change":
      self =
        LogStreamStateChange(event, format: format).map(Self.stateChange)
        ?? .unrecognized(event)
    default:
      self = .unrecognized(event)
    }
  }

  private static func message(_ event: ServerSentEvent, format: LogStreamFormat) -> LogEntry? {
    switch format {
    case .json:
      return (try? JSONValue.parse(event.data)).flatMap { try? LogEntry(json: $0) }
    case .text:
      let parts = event.data.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
      guard parts.count == 5 else { return nil }
      return LogEntry(
        ts: String(parts[1]), type: String(parts[3]), msg: String(parts[4]),
        logType: String(parts[2]), deviceID: String(parts[0]))
    }
  }
}

/// A change in a log stream's state.
public struct LogStreamStateChange: Sendable, Hashable {
  /// The new state.
  public var state: LogStreamState
  /// The device that was added or removed, when the service names it.
  public var deviceID: String?

  /// Creates a state change.
  public init(state: LogStreamState, deviceID: String? = nil) {
    self.state = state
    self.deviceID = deviceID
  }

  /// Reads a `state_change` event; nil when it names no known state.
  init?(_ event: ServerSentEvent, format: LogStreamFormat) {
    if format == .json, let json = try? JSONValue.parse(event.data) {
      guard let state = json["state"]?.stringValue.flatMap(LogStreamState.init) else {
        return nil
      }
      self.init(state: state, deviceID: json["device_id"]?.stringValue)
      return
    }
    // Text payloads are words such as `2347… unsubscribed`; whole words are compared, so
    // `unsubscribed` never reads as `subscribed`.
    let words = event.data.split(separator: " ").map(String.init)
    guard let state = LogStreamState.allCases.first(where: { words.contains($0.rawValue) })
    else { return nil }
    let device = words.first { $0 != state.rawValue }
    self.init(state: state, deviceID: device)
  }
}

/// The states a log stream reports.
public enum LogStreamState: String, Sendable, Hashable, CaseIterable {
  case opened
  case closed
  case unsubscribed
  case subscribed
}
