import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

@Suite struct LogStreamTests {
  private func openStream(_ harness: Harness, format: String) throws -> (String, any EventChannel) {
    let created = harness.call(.post, "/logstream")
    #expect(created.status == 200)
    let id = created.id
    #expect(created.attributes["url"]?.stringValue == "\(Harness.base)/logstream/\(id)")
    let request = HTTPRequest(
      method: .get, path: "/logstream/\(id)", query: [URLQueryItem(name: "format", value: format)])
    guard case .channel(let channel) = harness.sandbox.openEvents(request) else {
      Issue.record("the stream did not open")
      throw CancellationError()
    }
    return (id, channel)
  }

  /// Every event queued now (the sandbox queues synchronously, so nothing is in flight).
  private func drain(_ channel: any EventChannel) -> [ServerSentEvent] {
    var events: [ServerSentEvent] = []
    while case .event(let event) = channel.next(timeout: 0) { events.append(event) }
    return events
  }

  private func deployedDevice(_ harness: Harness) throws -> SimulatedDevice {
    let group = try harness.group(.development, "G", product: try harness.product())
    let device = try harness.sandbox.addDevices(count: 1)[0]
    try harness.assign([device.id], to: group)
    _ = try harness.deploy(
      group, device: #"server.log("Hello World, from your Device!");"#,
      agent: #"server.log("Hello World, from your Agent!");"#)
    return device
  }

  @Test func textStreamFollowsDeviceThroughRestart() throws {
    let harness = try Harness()
    let device = try deployedDevice(harness)
    let (id, channel) = try openStream(harness, format: "text")
    #expect(harness.call(.put, "/logstream/\(id)/\(device.id)").status == 204)
    #expect(harness.call(.post, "/devices/\(device.id)/restart").status == 204)
    #expect(harness.call(.delete, "/logstream/\(id)/\(device.id)").status == 204)
    let events = drain(channel)
    #expect(events.first == ServerSentEvent(event: "state_change", data: "opened"))
    #expect(events[1] == ServerSentEvent(event: "state_change", data: "\(device.id) subscribed"))
    let messages = events.filter { $0.event == nil }.map(\.data)
    #expect(
      messages.contains {
        $0.hasPrefix("\(device.id) 2026-01-01T00:00:00.000Z development server.log ")
          && $0.hasSuffix("Hello World, from your Device!")
      })
    #expect(messages.contains { $0.contains("agent.log Hello World, from your Agent!") })
    #expect(
      events.last == ServerSentEvent(event: "state_change", data: "\(device.id) unsubscribed"))
    channel.close()
    #expect(channel.next(timeout: 0) == .closed)
  }

  @Test func jsonStreamAcceptsMacAndAgentId() throws {
    let harness = try Harness()
    let device = try deployedDevice(harness)
    let agent = try #require(
      harness.call(.get, "/devices/\(device.id)").attributes["agent_id"]?.stringValue)
    let (id, channel) = try openStream(harness, format: "json")
    #expect(harness.call(.put, "/logstream/\(id)/\(device.macAddress)").status == 204)
    #expect(harness.call(.delete, "/logstream/\(id)/\(device.macAddress)").status == 204)
    #expect(harness.call(.put, "/logstream/\(id)/\(agent)").status == 204)
    #expect(harness.call(.post, "/devices/\(device.id)/restart").status == 204)
    #expect(harness.call(.delete, "/logstream/\(id)/\(agent)").status == 204)
    let events = drain(channel)
    let states = events.filter { $0.event == "state_change" }.compactMap {
      (try? JSONValue.parse($0.data))?["state"]?.stringValue
    }
    #expect(states == ["opened", "subscribed", "unsubscribed", "subscribed", "unsubscribed"])
    let messages = events.filter { $0.event == nil }.compactMap { try? JSONValue.parse($0.data) }
    #expect(messages.contains { $0["msg"] == "Hello World, from your Device!" })
    #expect(
      messages.allSatisfy {
        $0["device_id"]?.stringValue == device.id && $0["log_type"] == "development"
      })
  }

  @Test func newStreamClosesTheOldOne() throws {
    let harness = try Harness()
    let (first, channel) = try openStream(harness, format: "json")
    _ = try openStream(harness, format: "json")
    let events = drain(channel)
    #expect(events.last?.event == "state_change")
    #expect(events.last.flatMap { try? JSONValue.parse($0.data) }?["state"] == "closed")
    #expect(channel.next(timeout: 0) == .closed)
    let device = try harness.sandbox.addDevices(count: 1)[0]
    expectError(harness.call(.put, "/logstream/\(first)/\(device.id)"), 404, "NF001")
  }

  @Test func sixthDeviceDropsTheFirst() throws {
    let harness = try Harness()
    let devices = try harness.sandbox.addDevices(count: 6)
    let (id, channel) = try openStream(harness, format: "text")
    for device in devices {
      #expect(harness.call(.put, "/logstream/\(id)/\(device.id)").status == 204)
    }
    let states = drain(channel).filter { $0.event == "state_change" }.map(\.data)
    #expect(states.contains("\(devices[0].id) unsubscribed"))
    #expect(states.last == "\(devices[5].id) subscribed")
    try harness.sandbox.emitLog(device: devices[0].id, text: "dropped")
    try harness.sandbox.emitLog(device: devices[5].id, text: "kept")
    #expect(drain(channel).map(\.data).map { $0.hasSuffix("kept") } == [true])
  }

  @Test func badFormatAndUnknownStreamAreRefused() throws {
    let harness = try Harness()
    let created = harness.call(.post, "/logstream")
    let bad = HTTPRequest(
      method: .get, path: "/logstream/\(created.id)",
      query: [URLQueryItem(name: "format", value: "xml")])
    guard case .response(let response) = harness.sandbox.openEvents(bad) else {
      Issue.record("a bad format opened a stream")
      return
    }
    expectError(Harness.answer(response), 400, "VX013")
    guard
      case .response(let missing) = harness.sandbox.openEvents(
        HTTPRequest(method: .get, path: "/logstream/nope"))
    else {
      Issue.record("an unknown stream opened")
      return
    }
    expectError(Harness.answer(missing), 404, "NF001")
    expectError(harness.call(.get, "/logstream/\(created.id)"), 400, "VX015")
    expectError(harness.call(.delete, "/logstream/\(created.id)/nope"), 404, "NF001")
  }

  @Test func streamWorksThroughTheInProcessTransport() async throws {
    let harness = try Harness()
    let device = try harness.sandbox.addDevices(count: 1)[0]
    let transport = InProcessTransport(responder: harness.sandbox)
    let id = harness.call(.post, "/logstream").id
    let events = try await transport.events(
      HTTPRequest(
        method: .get, path: "/logstream/\(id)", query: [URLQueryItem(name: "format", value: "text")]
      ))
    #expect(harness.call(.put, "/logstream/\(id)/\(device.id)").status == 204)
    try harness.sandbox.emitLog(device: device.id, text: "through the transport")
    var seen: [String] = []
    for try await event in events {
      seen.append(event.data)
      if seen.count == 3 { break }
    }
    #expect(seen[0] == "opened")
    #expect(seen[1] == "\(device.id) subscribed")
    #expect(seen[2].hasSuffix("server.log through the transport"))
  }
}
