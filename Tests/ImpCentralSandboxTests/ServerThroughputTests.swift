import Foundation
import ImpCentral
import ImpCentralSandbox
import Testing

/// Measures, and prints, warm request latency through HTTPTransport and the server.
///
/// Runs only with `IMPTSH_MEASURE=1`: it asserts nothing about speed, it reports it.
@Test(.enabled(if: ProcessInfo.processInfo.environment["IMPTSH_MEASURE"] == "1"))
func measureSequentialRequestLatency() async throws {
  let body = jsonBody(#"{"data":[]}"#)
  let responder = FakeResponder { _ in
    HTTPResponse(status: 200, headers: jsonAPIHeaders, body: body)
  }
  try await withServer(responder) { server, transport in
    let request = HTTPRequest(method: .get, path: "/products", headers: jsonAPIHeaders)
    let clock = ContinuousClock()
    let first = try await clock.measure { _ = try await transport.send(request) }
    var samples: [Duration] = []
    let total = try await clock.measure {
      for _ in 0..<1000 {
        samples.append(try await clock.measure { _ = try await transport.send(request) })
      }
    }
    samples.sort()
    let milliseconds = { (duration: Duration) in
      String(
        format: "%.3f ms",
        Double(duration.components.attoseconds) / 1e15
          + Double(duration.components.seconds) * 1e3)
    }
    let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
    print(
      "http: first \(milliseconds(first)); 1000 warm GETs: min \(milliseconds(samples[0])),",
      "median \(milliseconds(samples[500])), p99 \(milliseconds(samples[990])),",
      "max \(milliseconds(samples[999])); \(Int(1000 / seconds)) requests/s;",
      "server counted \(server.requests.total)")
  }
}
