import Foundation

/// One line of a device's historical log: a plain object `{ts, type, msg}`.
///
/// Not a JSON:API resource: it has no id, so it does not conform to `APIResource`.
public struct LogEntry: Sendable, Hashable {
  /// The timestamp as the service wrote it.
  public var ts: String
  /// The instant `ts` names, when it parses.
  public var date: Date?
  /// The log type: `server.log`, `agent.error`, `status`…
  public var type: String
  /// The log text.
  public var msg: String
  /// `development` or `production`, when the service says.
  public var logType: String?
  /// The device that logged the line, when the service says.
  public var deviceID: String?

  /// Creates an entry.
  public init(
    ts: String, type: String, msg: String, logType: String? = nil, deviceID: String? = nil
  ) {
    self.ts = ts
    date = Timestamp.date(from: ts)
    self.type = type
    self.msg = msg
    self.logType = logType
    self.deviceID = deviceID
  }

  /// Reads an entry; `ts`, `type` and `msg` are required.
  public init(json: JSONValue) throws(ImpCentralError) {
    guard let ts = json["ts"]?.stringValue, let type = json["type"]?.stringValue,
      let msg = json["msg"]?.stringValue
    else {
      throw .unexpected("impCentral sent a log entry without string 'ts', 'type' and 'msg'")
    }
    self.init(
      ts: ts, type: type, msg: msg, logType: json["log_type"]?.stringValue,
      deviceID: json["device_id"]?.stringValue)
  }

  /// The entry as JSON, leaving out absent members.
  public var json: JSONValue {
    var members: [String: JSONValue] = [
      "ts": .string(ts), "type": .string(type), "msg": .string(msg),
    ]
    if let logType { members["log_type"] = .string(logType) }
    if let deviceID { members["device_id"] = .string(deviceID) }
    return .object(members)
  }
}

/// One page of a device's historical log, newest entry first.
public struct LogPage: Sendable, Hashable {
  /// The entries, newest first.
  public var entries: [LogEntry]
  /// The page number that follows, when the service says there is one.
  public var nextPage: Int?

  /// Creates a page.
  public init(entries: [LogEntry], nextPage: Int?) {
    self.entries = entries
    self.nextPage = nextPage
  }
}
