import ImpCentralSandbox
import Testing

@testable import ImptCommands
@testable import ImptLanguage

@Suite struct AccountCommandTests {
  static let standard = SandboxAccounts.standard

  @Test(arguments: ["", "--user me", "--user sandbox@imptsh.test", "--user sandbox", "-u sandbox"])
  func infoFindsTheLoggedInAccount(options: String) async throws {
    let shell = try await LineRunner.make()
    let me = try await shell.client.me()

    let account = try await shell.value("account info \(options)")

    #expect(account.entityID == me.id)
    #expect(account.text("username") == Self.standard.username)
    #expect(account.text("email") == Self.standard.email)
  }

  @Test func infoOfAnUnknownAccountIsNotFound() async throws {
    let shell = try await LineRunner.make()

    let failure = try await shell.failure("account info --user nobody@example.com")

    #expect(failure.id == "command.notFound")
    #expect(failure.message == "account 'nobody@example.com' was not found")
  }

  @Test func listIncludesTheLoggedInAccount() async throws {
    let shell = try await LineRunner.make()
    let me = try await shell.client.me()

    let accounts = try await shell.value("account list")

    #expect(accounts.listItems.contains { $0.entityID == me.id })
    #expect(accounts.listItems.allSatisfy { $0.text("username") != nil })
  }
}
