import Foundation
import ImpCentral
import ImpCentralSandbox

/// The sandbox through the client: many devices created, then listed page by page.
enum SandboxBenchmarks {
  /// Creates `count` devices (default 10,000) in an in-memory sandbox and lists them all
  /// through the client, 100 a page; target under 1 s and 100 MB peak.
  static func list(_ arguments: [String]) async throws {
    let count = arguments.first.flatMap(Int.init) ?? 10_000
    let sandbox = try Sandbox(path: ":memory:", deliverer: NoWebhookDeliverer())
    let client = ImpCentralClient(transport: InProcessTransport(responder: sandbox))
    let account = SandboxAccounts.standard
    _ = try await client.login(id: account.username, password: Secret(account.password))

    let (_, created) = try await BenchFigures.timed {
      try sandbox.addDevices(count: count, namePrefix: "bench", impType: "imp006", online: true)
    }
    let pages = Pages()
    let (devices, listed) = try await BenchFigures.timed {
      try await client.devices(progress: { _ in pages.add() })
    }
    if arguments.contains("--breakdown") { try await breakdown(sandbox, client) }
    print("sandbox-list: \(count) devices")
    print("  create        \(BenchFigures.milliseconds(created)) ms")
    print(
      "  list          \(BenchFigures.milliseconds(listed)) ms, \(devices.count) devices in "
        + "\(pages.count) pages")
    print("  total         \(BenchFigures.milliseconds(created + listed)) ms (target < 1000 ms)")
    print("  peak RSS      \(BenchFigures.peakMegabytes()) MB (target < 100 MB)")
  }
}

extension SandboxBenchmarks {
  /// Where the time of a list goes: the sandbox answering, JSON parsing, reading resources.
  static func breakdown(_ sandbox: Sandbox, _ client: ImpCentralClient) async throws {
    let token = await client.session.state?.accessToken.revealed ?? ""
    var bodies: [Data] = []
    let (_, answered) = await BenchFigures.timed {
      for page in 1...100 {
        let request = HTTPRequest(
          method: .get, path: "/devices",
          query: [
            URLQueryItem(name: "page[number]", value: String(page)),
            URLQueryItem(name: "page[size]", value: "100"),
          ],
          headers: ["Authorization": "Bearer " + token])
        bodies.append(sandbox.respond(to: request).body)
      }
    }
    let (parsed, parsing) = BenchFigures.timedSync { bodies.map { try? JSONValue.parse($0) } }
    let (_, reading) = BenchFigures.timedSync {
      parsed.compactMap { $0?["data"]?.arrayValue }.flatMap { $0 }
        .compactMap { try? ResourceObject(json: $0) }.compactMap { try? Device($0) }
    }
    print(
      "  breakdown: answer \(BenchFigures.milliseconds(answered)) ms, parse "
        + "\(BenchFigures.milliseconds(parsing)) ms, read \(BenchFigures.milliseconds(reading)) ms")
  }
}

/// Counts the pages a list reports, from whatever thread reports them.
private final class Pages: @unchecked Sendable {
  // Safe: `value` is only touched while holding `lock`.
  private let lock = NSLock()
  private var value = 0

  func add() { lock.withLock { value += 1 } }
  var count: Int { lock.withLock { value } }
}
