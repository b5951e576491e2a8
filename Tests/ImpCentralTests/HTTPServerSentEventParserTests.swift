import Foundation
import Testing

@testable import ImpCentral

/// One parser case: a stream, the pieces it arrives in, and the events it must yield.
struct ParserCase: Sendable, CustomTestStringConvertible {
  var name: String
  var stream: [UInt8]
  var expected: [ServerSentEvent]

  init(_ name: String, _ text: String, _ expected: [ServerSentEvent]) {
    self.init(name, Array(text.utf8), expected)
  }

  init(_ name: String, _ bytes: [UInt8], _ expected: [ServerSentEvent]) {
    self.name = name
    stream = bytes
    self.expected = expected
  }

  var testDescription: String { name }
}

private let cases: [ParserCase] = [
  ParserCase("an unnamed event", "data: hello\n\n", [ServerSentEvent(data: "hello")]),
  ParserCase(
    "a named event with an id", "id: 7\nevent: state_change\ndata: {\"state\":\"opened\"}\n\n",
    [ServerSentEvent(event: "state_change", id: "7", data: #"{"state":"opened"}"#)]),
  ParserCase(
    "multi-line data joined with a newline", "data: one\ndata: two\ndata:three\n\n",
    [ServerSentEvent(data: "one\ntwo\nthree")]),
  ParserCase("an empty data line", "data\n\n", [ServerSentEvent(data: "")]),
  ParserCase(
    "only one leading space removed", "data:  two spaces\n\n",
    [ServerSentEvent(data: " two spaces")]),
  ParserCase(
    "comments and retry ignored", ": connected\n\nretry: 10\n: keepalive\ndata: x\n\n",
    [ServerSentEvent(data: "x")]),
  ParserCase("unknown fields ignored", "foo: bar\ndata: x\n\n", [ServerSentEvent(data: "x")]),
  ParserCase(
    "CRLF line ends", "event: a\r\ndata: 1\r\n\r\ndata: 2\r\n\r\n",
    [ServerSentEvent(event: "a", data: "1"), ServerSentEvent(data: "2")]),
  ParserCase(
    "CR line ends", "event: a\rdata: 1\r\rdata: 2\r\r",
    [ServerSentEvent(event: "a", data: "1"), ServerSentEvent(data: "2")]),
  ParserCase(
    "an event name without data is dropped", "event: a\n\ndata: b\n\n",
    [
      ServerSentEvent(data: "b")
    ]),
  ParserCase("an unfinished event is not dispatched", "data: partial\n", []),
  ParserCase(
    "the last id carries over to later events", "id: 1\ndata: a\n\ndata: b\n\nid\ndata: c\n\n",
    [
      ServerSentEvent(id: "1", data: "a"), ServerSentEvent(id: "1", data: "b"),
      ServerSentEvent(data: "c"),
    ]),
  ParserCase(
    "a byte-order mark at the start is skipped", [0xEF, 0xBB, 0xBF] + Array("data: x\n\n".utf8),
    [ServerSentEvent(data: "x")]),
  ParserCase(
    "UTF-8 text survives", "data: température 25 °C ✓\n\n",
    [ServerSentEvent(data: "température 25 °C ✓")]),
  ParserCase(
    "the server's wire format round-trips",
    ServerSentEvent(event: "state_change", id: "9", data: "a\n\nb").wireFormat,
    [ServerSentEvent(event: "state_change", id: "9", data: "a\n\nb")]),
]

@Test("parser yields the events of a stream fed at once", arguments: cases)
func parserReadsWholeStream(_ testCase: ParserCase) {
  var parser = ServerSentEventParser()
  #expect(parser.feed(testCase.stream) == testCase.expected)
}

@Test("parser yields the same events when fed one byte at a time", arguments: cases)
func parserReadsStreamByteByByte(_ testCase: ParserCase) {
  var parser = ServerSentEventParser()
  let events = testCase.stream.flatMap { parser.feed([$0]) }
  #expect(events == testCase.expected)
}

@Test("parser yields the same events for every split into two pieces", arguments: cases)
func parserReadsStreamSplitAnywhere(_ testCase: ParserCase) {
  for split in 0...testCase.stream.count {
    var parser = ServerSentEventParser()
    let events =
      parser.feed(testCase.stream[..<split]) + parser.feed(testCase.stream[split...])
    #expect(events == testCase.expected, "split at byte \(split)")
  }
}

@Test func parserTreatsCRAndLFInSeparatePiecesAsOneLineEnd() {
  var parser = ServerSentEventParser()
  #expect(parser.feed(Array("data: a\r".utf8)).isEmpty)
  #expect(parser.feed(Array("\n".utf8)).isEmpty)
  #expect(parser.feed(Array("\r\n".utf8)) == [ServerSentEvent(data: "a")])
}
