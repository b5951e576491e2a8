import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

@Suite struct WebhookTests {
  private func create(
    _ harness: Harness, group: String, type: DeviceGroupType = .development,
    _ attributes: JSONValue
  ) -> Answer {
    harness.call(
      .post, "/webhooks",
      Harness.document("webhook", attributes, ["devicegroup": Harness.ref(type.apiType, group)]))
  }

  @Test func deploymentWebhookLifecycle() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let created = create(
      harness, group: group,
      [
        "url": "http://www.electricimp.test.com", "event": "deployment",
        "content_type": "application/json",
      ])
    #expect(created.status == 201)
    #expect(created.data["type"] == "webhook")
    #expect(created.data["relationships"]?["devicegroup"]?["id"]?.stringValue == group)
    #expect(harness.call(.get, "/webhooks/\(created.id)").id == created.id)
    let filtered = harness.call(.get, "/webhooks", query: [("filter[devicegroup.id]", group)])
    #expect(filtered.items.count == 1)
    let updated = harness.call(
      .patch, "/webhooks/\(created.id)",
      Harness.document(
        "webhook",
        [
          "url": "http://www.electricimp.test2.com",
          "content_type": "application/x-www-form-urlencoded",
        ]))
    #expect(updated.attributes["url"] == "http://www.electricimp.test2.com")
    #expect(updated.attributes["content_type"] == "application/x-www-form-urlencoded")
    #expect(updated.attributes["event"] == "deployment")
    #expect(harness.call(.delete, "/webhooks/\(created.id)").status == 204)
    expectError(harness.call(.delete, "/webhooks/\(created.id)"), 404, "NF001")
  }

  @Test(
    arguments: [
      (
        ["url": "invalidurl", "event": "deployment", "content_type": "application/json"]
          as JSONValue, "VX012"
      ),
      (
        ["url": "ftp://x.test", "event": "deployment", "content_type": "application/json"], "VX012"
      ),
      (
        ["url": "http://x.test", "event": "test_event", "content_type": "application/json"], "VX006"
      ),
      (["url": "http://x.test", "content_type": "application/json"], "VX005"),
      (["url": "http://x.test", "event": "deployment", "content_type": "text/plain"], "VX006"),
      (
        [
          "url": "http://x.test", "event": "deployment", "content_type": "application/json", "x": 1,
        ], "VX004"
      ),
      (["url": "http://x.test", "event": "blessing", "content_type": "application/json"], "VX006"),
    ] as [(JSONValue, String)])
  func invalidWebhooksAreRejected(attributes: JSONValue, code: String) throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    let answer = create(harness, group: group, attributes)
    expectError(answer, 400, code)
    if code == "VX012" {
      #expect(answer.json["errors"]?.arrayValue?.first?["title"] == "Invalid URL")
      #expect(
        answer.json["errors"]?.arrayValue?.first?["detail"] == "The provided URL is invalid.")
    }
  }

  @Test func productionGroupsTakeBlessingAndBlinkupWebhooks() throws {
    let harness = try Harness()
    let group = try harness.group(.production, "P", product: try harness.product())
    let blessing = create(
      harness, group: group, type: .production,
      ["url": "http://x.test/b", "event": "blessing", "content_type": "application/json"])
    #expect(blessing.status == 201)
    let blinkup = create(
      harness, group: group, type: .production,
      [
        "url": "http://x.test/u", "event": "blinkup",
        "content_type": "application/x-www-form-urlencoded",
      ])
    #expect(blinkup.status == 201)
    let update = harness.call(
      .patch, "/webhooks/\(blinkup.id)", Harness.document("webhook", ["event": "blessing"]))
    expectError(update, 400, "VX004")
    let badType = harness.call(
      .patch, "/webhooks/\(blinkup.id)", Harness.document("webhook", ["content_type": "x"]))
    expectError(badType, 400, "VX006")
    expectError(
      harness.call(.patch, "/webhooks/\(group)", Harness.document("webhook", [:])), 404, "NF001")
  }

  @Test func deploymentFiresWebhooksAndDeliversOnlyLoopback() throws {
    let harness = try Harness()
    let group = try harness.group(.development, "G", product: try harness.product())
    for url in ["http://127.0.0.1:9/hook", "http://example.test/hook"] {
      let answer = create(
        harness, group: group,
        ["url": .string(url), "event": "deployment", "content_type": "application/json"])
      #expect(answer.status == 201)
    }
    let deployment = try harness.deploy(group, device: "x")
    let firings = try harness.sandbox.webhookFirings()
    #expect(firings.count == 2)
    #expect(firings.allSatisfy { $0.payload["deployment_id"]?.stringValue == deployment })
    #expect(firings.allSatisfy { $0.event == "deployment" && $0.deviceGroupID == group })
    #expect(harness.deliverer.firings.map(\.url) == ["http://127.0.0.1:9/hook"])
  }

  @Test func formFiringsEncodeTheirPayload() {
    let firing = WebhookFiring(
      sequence: 1, webhookID: "w", deviceGroupID: "g", event: "blinkup", url: "http://x",
      contentType: WebhookFiring.formContentType,
      payload: ["device_id": "abc", "plan_id": "p 1", "success": true], firedAt: "t")
    #expect(
      String(decoding: firing.body, as: UTF8.self) == "device_id=abc&plan_id=p%201&success=true")
    #expect(!firing.isLoopback)
    #expect(
      WebhookFiring(
        sequence: 1, webhookID: "w", deviceGroupID: "g", event: "e", url: "http://localhost:80/x",
        contentType: "application/json", payload: [:], firedAt: "t"
      ).isLoopback)
  }
}
