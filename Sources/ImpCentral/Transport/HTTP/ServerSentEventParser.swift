/// Turns the bytes of a `text/event-stream` into events, as the HTML standard describes.
///
/// Bytes may arrive in pieces of any size, split inside a line, a CRLF or a UTF-8
/// character. Lines end with LF, CR or CRLF; a blank line dispatches the event.
/// `data:` lines are joined with `\n`, `:` comments and `retry:` are ignored, and an event
/// keeps the last `id:` seen, as browsers do.
///
/// ```
/// var parser = ServerSentEventParser()
/// parser.feed(Array("event: a\ndata: 1\ndata: 2\n\n".utf8))
/// // [ServerSentEvent(event: "a", data: "1\n2")]
/// ```
public struct ServerSentEventParser: Sendable {
  private var line: [UInt8] = []
  private var afterCR = false
  private var atStart = true
  private var eventName = ""
  private var data = ""
  private var hasData = false
  private var lastID = ""

  /// Creates a parser at the start of a stream.
  public init() {}

  /// Reads the next piece of the stream and returns the events it completes.
  public mutating func feed(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
    var events: [ServerSentEvent] = []
    for byte in bytes {
      if afterCR && byte == 0x0A {
        afterCR = false
        continue
      }
      afterCR = byte == 0x0D
      if byte == 0x0A || byte == 0x0D {
        if let event = endLine() { events.append(event) }
      } else {
        line.append(byte)
      }
    }
    return events
  }

  private mutating func endLine() -> ServerSentEvent? {
    defer { line.removeAll(keepingCapacity: true) }
    if atStart {
      atStart = false
      if line.starts(with: Self.byteOrderMark) { line.removeFirst(Self.byteOrderMark.count) }
    }
    if line.isEmpty { return dispatch() }
    if line.first == UInt8(ascii: ":") { return nil }
    let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
    var valueStart = min(colon + 1, line.endIndex)
    if valueStart < line.endIndex && line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
    let field = String(decoding: line[..<colon], as: UTF8.self)
    process(field: field, value: String(decoding: line[valueStart...], as: UTF8.self))
    return nil
  }

  private mutating func process(field: String, value: String) {
    switch field {
    case "event":
      eventName = value
    case "data":
      data += hasData ? "\n" + value : value
      hasData = true
    case "id" where !value.contains("\0"):
      lastID = value
    default:
      break
    }
  }

  private mutating func dispatch() -> ServerSentEvent? {
    defer {
      eventName = ""
      data = ""
      hasData = false
    }
    guard hasData else { return nil }
    return ServerSentEvent(
      event: eventName.isEmpty ? nil : eventName, id: lastID.isEmpty ? nil : lastID, data: data)
  }

  private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}
