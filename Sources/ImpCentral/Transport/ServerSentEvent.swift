/// One event of a `text/event-stream`: an optional name and id, and its data.
///
/// An unnamed event is a `message`; the log stream names its state events `state_change`.
public struct ServerSentEvent: Sendable, Hashable {
  public var event: String?
  public var id: String?
  public var data: String

  /// Creates an event.
  public init(event: String? = nil, id: String? = nil, data: String) {
    self.event = event
    self.id = id
    self.data = data
  }

  /// The event in wire form, ending with the blank line that closes it.
  ///
  /// `ServerSentEvent(event: "state_change", data: "a\nb").wireFormat`
  /// is `"event: state_change\ndata: a\ndata: b\n\n"`.
  public var wireFormat: String {
    var text = ""
    if let id { text += "id: \(id)\n" }
    if let event { text += "event: \(event)\n" }
    for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
      text += "data: \(line)\n"
    }
    return text + "\n"
  }
}
