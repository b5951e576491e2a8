import CMicroHTTPD
import Foundation
import ImpCentral

extension SandboxHTTPServer {
  /// Queues `reply` on the connection and counts the request.
  func queue(
    _ reply: ServerReply, for pending: PendingRequest, on connection: OpaquePointer
  ) -> MHD_Result {
    let (status, response) = makeResponse(for: reply)
    guard let response else { return .NO }
    defer { MHD_destroy_response(response) }
    pending.status = status
    requests.record(method: pending.method, path: pending.apiPath ?? pending.url)
    return MHD_queue_response(connection, UInt32(status), response)
  }

  /// Logs a finished request: method, path, status and duration, never bodies or headers.
  func logCompletion(of pending: PendingRequest, ok: Bool) {
    let elapsed = ContinuousClock.now - pending.started
    let milliseconds =
      Double(elapsed.components.attoseconds) / 1e15
      + Double(elapsed.components.seconds) * 1e3
    logger.debug(
      ok ? "request" : "request aborted",
      [
        "http.method": pending.method, "http.path": pending.url,
        "http.status": pending.status.map(String.init) ?? "none",
        "http.duration_ms": String(format: "%.2f", milliseconds),
      ])
  }

  private func makeResponse(for reply: ServerReply) -> (Int, OpaquePointer?) {
    switch reply {
    case .response(let response):
      return (response.status, Self.makeResponse(response))
    case .events(let channel):
      return (200, makeEventStream(channel))
    case .drop:
      return (200, Self.makeDroppingResponse())
    }
  }

  private static func makeResponse(_ response: HTTPResponse) -> OpaquePointer? {
    let made = response.body.withUnsafeBytes { bytes in
      MHD_create_response_from_buffer(
        bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
    }
    guard let made else { return nil }
    for (name, value) in response.headers where !framingHeaders.contains(name.lowercased()) {
      _ = MHD_add_response_header(made, name, value)
    }
    return made
  }

  private func makeEventStream(_ channel: any EventChannel) -> OpaquePointer? {
    let body = EventStreamBody(channel: channel, registry: streams)
    let context = Unmanaged.passRetained(body).toOpaque()
    guard
      let made = MHD_create_response_from_callback(
        cmhd_size_unknown(), 4096, eventStreamReader, context, eventStreamFinished)
    else {
      Unmanaged<EventStreamBody>.fromOpaque(context).release()
      body.finish()
      return nil
    }
    _ = MHD_add_response_header(made, "Content-Type", "text/event-stream")
    _ = MHD_add_response_header(made, "Cache-Control", "no-cache")
    return made
  }

  /// A response that sends its head, promises 1024 bytes and then fails, so libmicrohttpd
  /// closes the connection.
  ///
  /// Closing without any response would not do: libcurl (under URLSession and curl)
  /// silently resends a request whose reused connection closed before any byte came back,
  /// so the client would never see the drop. A cut-off body it reports as an error.
  private static func makeDroppingResponse() -> OpaquePointer? {
    let made = MHD_create_response_from_callback(1024, 1024, droppingReader, nil, nil)
    if let made { _ = MHD_add_response_header(made, "Content-Type", "application/vnd.api+json") }
    return made
  }

  /// Headers libmicrohttpd writes itself from the body it is given.
  private static let framingHeaders: Set<String> = [
    "content-length", "transfer-encoding", "connection",
  ]
}
