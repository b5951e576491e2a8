import ImpCentral
import Testing

@testable import ImptCommands
@testable import ImptLanguage

@Suite struct WebhookCommandTests {
  @Test func createUsesTheSessionGroupAndReturnsTheWebhook() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeDevelopmentGroup()
    try await shell.ok("use dg MyDevDG")

    let created = try await shell.value(
      "webhook create --url https://example.com/deployed --event deployment --mime urlencoded")

    #expect(created.text("url") == "https://example.com/deployed")
    #expect(created.text("content_type") == "application/x-www-form-urlencoded")
    let stored = try await shell.client.webhooks()
    #expect(stored.map(\.id) == [created.entityID])
    #expect(stored.first?.deviceGroup?.id == (try await shell.group("MyDevDG")).id)
    #expect(shell.notes.last?.hasPrefix("created webhook") == true)
  }

  @Test func createReportsTheServiceRefusingABadURL() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeDevelopmentGroup()

    let failure = try await shell.failure(
      "webhook create --dg MyDevDG --url not-a-url --event deployment --mime json")

    #expect(failure.id.hasPrefix("api."))
    #expect(failure.message.lowercased().contains("url"))
    #expect(try await shell.client.webhooks().isEmpty)
  }

  @Test func createRefusesAnEventThatDoesNotExist() async throws {
    let shell = try await LineRunner.make()

    let failure = try await shell.failure(
      "webhook create --dg MyDevDG --url https://example.com --event blesing --mime json")

    #expect(failure.id == "check.badValue")
    #expect(failure.message.contains("'blesing'"))
    #expect(failure.help.contains { $0.contains("blessing") })
  }

  @Test func updateChangesTheURLAndContentType() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeDevelopmentGroup()
    let created = try await shell.value(WebhookExamples.deploymentHook)
    let id = try #require(created.entityID)

    let updated = try await shell.value(
      "webhook update --wh \(id) --url https://example.com/v2 --mime urlencoded")

    #expect(updated.text("url") == "https://example.com/v2")
    let stored = try await shell.client.webhook(id: id)
    #expect(stored.url == "https://example.com/v2")
    #expect(stored.contentType == .urlencoded)
    #expect(stored.event == .deployment)
  }

  @Test func updateWithNothingToChangeSaysSoAndSendsNothing() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeDevelopmentGroup()
    let created = try await shell.value(WebhookExamples.deploymentHook)
    let id = try #require(created.entityID)

    let same = try await shell.value("webhook update --wh \(id)")

    #expect(same.entityID == id)
    #expect(shell.notes.last == "nothing to change: give --url or --mime")
  }

  @Test func infoOfAnUnknownWebhookIsNotFound() async throws {
    let shell = try await LineRunner.make()

    let failure = try await shell.failure(
      "webhook info --wh 00000000-0000-0000-0000-000000000000")

    #expect(failure.id == "command.notFound")
    #expect(failure.help == ["Run 'webhook list' to see the webhooks."])
  }

  @Test func deleteWithoutATerminalNeedsConfirmed() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeDevelopmentGroup()
    let id = try #require(try await shell.value(WebhookExamples.deploymentHook).entityID)

    let refused = try await shell.failure("webhook delete --wh \(id)")
    #expect(refused.id == "check.needsConfirmation")
    #expect(try await shell.client.webhooks().count == 1)

    try await shell.value("webhook delete --wh \(id) --confirmed")
    #expect(try await shell.client.webhooks().isEmpty)
  }

  @Test func deleteAnsweredNoAtATerminalChangesNothing() async throws {
    let shell = try await LineRunner.make(interactive: true)
    try await shell.makeDevelopmentGroup()
    let id = try #require(try await shell.value(WebhookExamples.deploymentHook).entityID)
    shell.terminal.answerConfirmations([false])

    let refused = try await shell.failure("webhook delete --wh \(id)")

    #expect(refused.id == "command.cancelled")
    #expect(shell.terminal.summaries.first?.contains { $0.contains(id) } == true)
    #expect(try await shell.client.webhooks().count == 1)
  }
}

/// `webhook list` with each filter, over a development and a production group of one
/// product and a development group of another.
@Suite struct WebhookListTests {
  static let cases: [(filters: String, urls: [String])] = [
    ("", ["https://a.example/dev", "https://b.example/prod", "https://c.example/other"]),
    ("--dg MyDevDG", ["https://a.example/dev"]),
    ("--product MyProduct", ["https://a.example/dev", "https://b.example/prod"]),
    ("--dg-type production", ["https://b.example/prod"]),
    ("--event deployment", ["https://a.example/dev", "https://c.example/other"]),
    ("--event blessing --event blinkup", ["https://b.example/prod"]),
    ("--url https://c.example/other", ["https://c.example/other"]),
    ("--product MyProduct --event deployment", ["https://a.example/dev"]),
    ("--owner me --dg-type development", ["https://a.example/dev", "https://c.example/other"]),
  ]

  @Test(arguments: cases)
  func listKeepsTheWebhooksTheFiltersMatch(filters: String, urls: [String]) async throws {
    let shell = try await LineRunner.make()
    try await shell.makeDevelopmentGroup()
    try await shell.value("dg create --name MyProductionDG --dg-type production -p MyProduct")
    try await shell.value("product create --name Other")
    try await shell.value("dg create --name OtherDG --product Other")
    try await shell.value(
      "webhook create --dg MyDevDG --url https://a.example/dev --event deployment --mime json")
    try await shell.value(
      "webhook create --dg MyProductionDG --url https://b.example/prod --event blessing -m json")
    try await shell.value(
      "webhook create --dg OtherDG --url https://c.example/other --event deployment -m json")

    let listed = try await shell.value("webhook list \(filters)")

    #expect(listed.listItems.compactMap { $0.text("url") }.sorted() == urls)
  }

  @Test func groupsPipedIntoListSelectTheirWebhooks() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeDevelopmentGroup()
    try await shell.value(WebhookExamples.deploymentHook)

    let listed = try await shell.value("dg list --product MyProduct | webhook list")

    #expect(listed.listItems.compactMap { $0.text("url") } == ["https://example.com/deployed"])
  }
}
