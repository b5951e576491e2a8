import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

/// Log streams of a sandbox file also carry the lines other processes write to the file:
/// two `Sandbox` instances on one file are two connections, as two processes would be.
@Suite struct LogStreamSharingTests {
  /// A sandbox file in the temporary folder, removed with its journal files.
  final class SandboxFile: Sendable {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("shared-\(UUID().uuidString).sqlite").path

    deinit {
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }
  }

  /// A reader (on `harness`'s connection) of a new stream following `device`.
  private func follow(_ device: String, _ harness: Harness) throws -> LogStreamChannel {
    let id = harness.call(.post, "/logstream").id
    let request = HTTPRequest(method: .get, path: "/logstream/\(id)")
    guard case .channel(let opened) = harness.sandbox.openEvents(request),
      let channel = opened as? LogStreamChannel
    else {
      Issue.record("the stream did not open")
      throw CancellationError()
    }
    #expect(harness.call(.put, "/logstream/\(id)/\(device)").status == 204)
    return channel
  }

  /// The messages of every event queued now (no poll happens within a zero timeout).
  private func drain(_ channel: LogStreamChannel) -> [String] {
    var events: [String] = []
    while case .event(let event) = channel.next(timeout: 0) { events.append(event.data) }
    return events
  }

  @Test func idleReaderGetsALineAnotherConnectionWrote() throws {
    let file = SandboxFile()
    let harness = try Harness(path: file.path)
    let device = try harness.sandbox.addDevices(count: 1)[0].id
    let channel = try follow(device, harness)
    let other = try Sandbox(path: file.path)
    try other.emitLog(device: device, text: "from the other terminal")
    var messages: [String] = []
    for _ in 0..<20 where !messages.contains(where: { $0.hasSuffix("the other terminal") }) {
      if case .event(let event) = channel.next(timeout: 1) { messages.append(event.data) }
    }
    #expect(
      messages.contains { $0.hasSuffix("server.log from the other terminal") },
      "got \(messages)")
    channel.close()
  }

  @Test func linesAlreadyPushedAreNotSentAgain() throws {
    let file = SandboxFile()
    let harness = try Harness(path: file.path)
    let devices = try harness.sandbox.addDevices(count: 2).map(\.id)
    let channel = try follow(devices[0], harness)
    let other = try Sandbox(path: file.path)
    try harness.sandbox.emitLog(device: devices[0], text: "here")
    try other.emitLog(device: devices[0], text: "there")
    try other.emitLog(device: devices[1], text: "not followed")
    try harness.sandbox.emitLog(device: devices[0], text: "here again")
    channel.pollNow()
    let texts = drain(channel).compactMap { $0.split(separator: " ", maxSplits: 4).last }
    #expect(texts.suffix(3).sorted() == ["here", "here again", "there"])
    try other.emitLog(device: devices[0], text: "later")
    channel.pollNow()
    channel.pollNow()
    #expect(drain(channel).map { $0.hasSuffix("server.log later") } == [true])
  }

  @Test func streamClosedByAnotherConnectionEndsTheReader() throws {
    let file = SandboxFile()
    let harness = try Harness(path: file.path)
    let device = try harness.sandbox.addDevices(count: 1)[0].id
    let channel = try follow(device, harness)
    let other = try Sandbox(path: file.path)
    let token = try Harness.login(other, "sandbox", "sandbox")
    var create = HTTPRequest(method: .post, path: "/logstream")
    create.headers["Authorization"] = "Bearer \(token)"
    #expect(other.respond(to: create).status == 200)
    channel.pollNow()
    #expect(drain(channel).last == "closed")
    #expect(channel.next(timeout: 0) == .closed)
  }

  @Test func readerOfAThrowawaySandboxNeverPolls() throws {
    let harness = try Harness()
    let device = try harness.sandbox.addDevices(count: 1)[0].id
    let channel = try follow(device, harness)
    _ = drain(channel)
    try harness.sandbox.emitLog(device: device, text: "once")
    channel.pollNow()
    #expect(drain(channel).map { $0.hasSuffix("once") } == [true])
  }
}
