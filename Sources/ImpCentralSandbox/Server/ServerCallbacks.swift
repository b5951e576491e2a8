import CMicroHTTPD
import Foundation

// The C callbacks libmicrohttpd calls on its connection threads. Each recovers the server
// from its context pointer (retained by `start()` until `stop()`) and hands over.

/// Called for every request: once for the head, once per piece of body, once at the end.
let serverAccessHandler: MHD_AccessHandlerCallback = {
  context, connection, url, method, _, upload, uploadSize, slot in
  guard let context, let connection, let url, let method, let uploadSize, let slot else {
    return .NO
  }
  let server = Unmanaged<SandboxHTTPServer>.fromOpaque(context).takeUnretainedValue()
  guard let raw = slot.pointee else {
    let pending = PendingRequest(method: String(cString: method), url: String(cString: url))
    slot.pointee = Unmanaged.passRetained(pending).toOpaque()
    return server.handleHead(of: pending, on: connection)
  }
  let pending = Unmanaged<PendingRequest>.fromOpaque(raw).takeUnretainedValue()
  if uploadSize.pointee > 0 {
    let bytes = UnsafeRawBufferPointer(start: upload, count: uploadSize.pointee)
    pending.append(bytes, limit: server.options.maxBodyBytes)
    uploadSize.pointee = 0
    return .YES
  }
  return server.handleEnd(of: pending, on: connection)
}

/// Called once per request when it is finished or aborted; releases its `PendingRequest`.
let serverRequestCompleted: MHD_RequestCompletedCallback = { context, _, slot, termination in
  guard let context, let slot, let raw = slot.pointee else { return }
  slot.pointee = nil
  let pending = Unmanaged<PendingRequest>.fromOpaque(raw).takeRetainedValue()
  let server = Unmanaged<SandboxHTTPServer>.fromOpaque(context).takeUnretainedValue()
  server.logCompletion(of: pending, ok: termination == .REQUEST_TERMINATED_COMPLETED_OK)
}

/// Reads the next piece of an event stream; blocks up to a second waiting for an event.
let eventStreamReader: MHD_ContentReaderCallback = { context, _, buffer, capacity in
  guard let context, let buffer else { return cmhd_end_with_error() }
  let body = Unmanaged<EventStreamBody>.fromOpaque(context).takeUnretainedValue()
  switch body.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: capacity)) {
  case .bytes(let count): return count
  case .endOfStream: return cmhd_end_of_stream()
  }
}

/// Releases an event stream when its response is done, closing the channel.
let eventStreamFinished: MHD_ContentReaderFreeCallback = { context in
  guard let context else { return }
  let body = Unmanaged<EventStreamBody>.fromOpaque(context).takeRetainedValue()
  body.finish()
}

/// A body that fails at once, so the client sees the connection close mid-response.
let droppingReader: MHD_ContentReaderCallback = { _, _, _, _ in cmhd_end_with_error() }
