import Foundation
import ImpCentral
import ImpCentralSandbox
import Testing

/// The HTTP deliverer knows which webhook calls are on their way, so imptsh can let
/// them arrive before it exits.
@Suite struct WebhookDelivererTests {
  private static func firing(_ number: Int, to url: String) -> WebhookFiring {
    WebhookFiring(
      sequence: number, webhookID: "w1", deviceGroupID: "g1", event: "blessing", url: url,
      contentType: "application/json", payload: ["n": .number(Double(number))],
      firedAt: "2026-12-03T10:00:00.000Z")
  }

  @Test func waitingReturnsOnceEveryCallHasArrived() async throws {
    let receiver = FakeResponder()
    try await withServer(receiver) { server, _ in
      let deliverer = HTTPWebhookDeliverer()
      let url = server.baseURL.absoluteString + "/hook"
      for number in 1...5 { deliverer.deliver(Self.firing(number, to: url)) }

      #expect(deliverer.waitForDeliveries(timeout: 20))
      #expect(deliverer.pendingCount == 0)
      #expect(receiver.requests.count == 5, "only \(receiver.requests.count) of 5 arrived")
    }
  }

  @Test func aCallThatFailsStillEndsTheWait() {
    let deliverer = HTTPWebhookDeliverer()
    deliverer.deliver(Self.firing(1, to: "http://127.0.0.1:9/refused"))
    #expect(deliverer.waitForDeliveries(timeout: 20))
    #expect(deliverer.pendingCount == 0)
  }

  @Test func withNothingOnTheWayWaitingReturnsAtOnce() {
    #expect(HTTPWebhookDeliverer().waitForDeliveries(timeout: 0))
  }
}
