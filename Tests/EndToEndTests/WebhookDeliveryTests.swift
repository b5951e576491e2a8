import Foundation
import ImpCentral
import ImpCentralSandbox
import Synchronization
import Testing

/// Webhook calls the embedded sandbox makes to loopback URLs arrive even when imptsh
/// exits right after the command that fired them.
@Suite struct WebhookDeliveryTests {
  @Test func aScriptEndingRightAfterAFactoryRunDeliversEveryBlessingCall() async throws {
    let home = try TestHome()
    defer { home.remove() }
    let receiver = HookReceiver()
    let server = SandboxHTTPServer(responder: receiver)
    try server.start()
    defer { server.stop() }
    let script = home.workingFolder + "/factory.imptsh"
    try """
    product create --name P
    dg create --name Prod --dg-type production --product P
    dg create --name Dut --dg-type dut --product P
    dg create --name Fac --dg-type factory --product P --target Prod --dut Dut
    webhook create --dg Prod --url \(server.baseURL.absoluteString)/blessed --event blessing --mime json
    sandbox device add --count 1 --name fixture
    device assign --device fixture-1 --dg Fac --confirmed
    build deploy --dg Fac
    sandbox factory run --dg Fac --count 3

    """.write(toFile: script, atomically: true, encoding: .utf8)

    let result = try await home.run(["--sandbox", ":memory:", script])
    #expect(result.status == 0, "\(result)")
    let paths = receiver.paths
    #expect(paths.count == 3, "the receiver got \(paths.count) of 3 blessing calls")
    #expect(paths.allSatisfy { $0.hasSuffix("/blessed") })
  }
}

/// A loopback webhook receiver: answers 200 and remembers the path of every call.
final class HookReceiver: APIResponder {
  private let seen = Mutex<[String]>([])

  /// The paths called so far.
  var paths: [String] { seen.withLock { $0 } }

  func respond(to request: HTTPRequest) -> HTTPResponse {
    seen.withLock { $0.append(request.path) }
    return HTTPResponse(status: 200)
  }

  func openEvents(_ request: HTTPRequest) -> EventChannelResult {
    .response(HTTPResponse(status: 404))
  }
}
