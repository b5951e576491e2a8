/// A log stream: a server-sent-event channel that carries the logs of chosen devices.
///
/// The stream id is the capability: opening the events needs no access token.
public struct LogStream: APIResource {
  public static let kind = ResourceKind.logStream

  /// The resource as the service sent it.
  public var object: ResourceObject
  /// The absolute URL of the event stream, when the service gives one.
  public var url: String?

  public init(_ object: ResourceObject) throws {
    let reader = try FieldReader(object, as: Self.kind)
    self.object = object
    url = try reader.string("url")
  }
}

/// The format a log stream sends its events in.
public enum LogStreamFormat: String, Sendable, Hashable, CaseIterable {
  case text
  case json

  /// The format named `text` or `json`; anything else is refused, naming `argument`.
  public init(validating name: String, argument: String = "format") throws(ImpCentralError) {
    guard let format = Self(rawValue: name) else {
      throw .invalidArgument(
        argument, "expected 'text' or 'json' for '\(argument)', got '\(name)'")
    }
    self = format
  }
}
