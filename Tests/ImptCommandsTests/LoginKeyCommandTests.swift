import ImpCentral
import ImpCentralSandbox
import Testing

@testable import ImptCommands
@testable import ImptLanguage

@Suite struct LoginKeyCommandTests {
  static let password = SandboxAccounts.standard.password

  /// Creates a key with `--pwd` and returns its id.
  private func createKey(_ shell: LineRunner, descr: String = "CI") async throws -> String {
    let key = try await shell.value(
      "loginkey create --pwd \(Self.password) --descr '\(descr)'")
    return try #require(key.entityID)
  }

  /// Whether `text` holds `key` whole; the masked form is allowed.
  private func reveals(_ text: String, _ key: String) -> Bool { text.contains(key) }

  @Test func createReturnsTheKeyButNotesItMasked() async throws {
    let shell = try await LineRunner.make()

    let key = try await shell.value("loginkey create --pwd \(Self.password) --descr CI")

    let id = try #require(key.entityID)
    #expect(key.text("description") == "CI")
    #expect(try await shell.client.loginKeys().map(\.id) == [id])
    #expect(shell.notes == ["created login key \(id.prefix(4))…"])
  }

  @Test func createAsksForThePasswordWithoutEchoAtATerminal() async throws {
    let shell = try await LineRunner.make(interactive: true)
    shell.terminal.answerSecrets([Self.password])

    let key = try await shell.value("loginkey create --descr typed")

    #expect(key.text("description") == "typed")
    #expect(shell.terminal.prompts == ["account password: "])
    #expect(try await shell.client.loginKeys().count == 1)
  }

  @Test func createWithoutAPasswordOrTerminalIsRefused() async throws {
    let shell = try await LineRunner.make()

    let failure = try await shell.failure("loginkey create --descr CI")

    #expect(failure.id == "command.needsPassword")
    #expect(failure.help.first?.contains("--pwd") == true)
    #expect(try await shell.client.loginKeys().isEmpty)
  }

  @Test func aPromptLeftWithCtrlCChangesNothing() async throws {
    let shell = try await LineRunner.make(interactive: true)
    shell.terminal.answerSecrets([nil])

    let failure = try await shell.failure("loginkey create")

    #expect(failure.id == "command.cancelled")
    #expect(try await shell.client.loginKeys().isEmpty)
  }

  @Test func aWrongPasswordIsRefusedWithoutRepeatingIt() async throws {
    let shell = try await LineRunner.make()
    let wrong = "not-the-password-4711"

    let failure = try await shell.failure("loginkey create --pwd \(wrong)")

    #expect(failure.id.hasPrefix("api."))
    #expect(!failure.message.contains(wrong))
    #expect(!failure.help.joined().contains(wrong))
    #expect(!shell.notes.joined().contains(wrong))
  }

  @Test func infoOfAnUnknownKeyMasksIt() async throws {
    let shell = try await LineRunner.make()
    let unknown = "0123456789abcdef0123456789abcdef"

    let failure = try await shell.failure("loginkey info --lk \(unknown)")

    #expect(failure.id == "command.notFound")
    #expect(failure.message == "login key '0123…' was not found")
    #expect(!reveals(failure.message + failure.help.joined(), unknown))
  }

  @Test func listAndInfoShowTheKeys() async throws {
    let shell = try await LineRunner.make()
    let id = try await createKey(shell)

    let listed = try await shell.value("loginkey list")
    let info = try await shell.value("loginkey info --lk \(id)")

    #expect(listed.listItems.map(\.entityID) == [id])
    #expect(info.entityID == id)
    #expect(info.field("usages") == .number(0))
  }

  @Test func updateChangesTheDescriptionAndNeedsOne() async throws {
    let shell = try await LineRunner.make()
    let id = try await createKey(shell)

    let missing = try await shell.failure("loginkey update --lk \(id) --pwd \(Self.password)")
    #expect(missing.id == "check.missingOption")

    let updated = try await shell.value(
      "loginkey update --lk \(id) --pwd \(Self.password) --descr retired")
    #expect(updated.text("description") == "retired")
    #expect(try await shell.client.loginKey(id: id).description == "retired")
    #expect(!shell.notes.contains { reveals($0, id) })
  }

  @Test func deleteRemovesTheKeyOnceConfirmed() async throws {
    let shell = try await LineRunner.make()
    let id = try await createKey(shell)

    let refused = try await shell.failure("loginkey delete --lk \(id) --pwd \(Self.password)")
    #expect(refused.id == "check.needsConfirmation")
    #expect(try await shell.client.loginKeys().count == 1)

    try await shell.value("loginkey delete --lk \(id) --pwd \(Self.password) --confirmed")
    #expect(try await shell.client.loginKeys().isEmpty)
    #expect(!shell.notes.contains { reveals($0, id) })
  }

  @Test func deleteAsksForThePasswordThenConfirmationAtATerminal() async throws {
    let shell = try await LineRunner.make(interactive: true)
    let id = try await createKey(shell, descr: "old laptop")
    shell.terminal.answerSecrets([Self.password])
    shell.terminal.answerConfirmations([true])

    try await shell.value("loginkey delete --lk \(id)")

    #expect(shell.terminal.prompts.first == "account password: ")
    let summary = try #require(shell.terminal.summaries.first)
    #expect(summary.contains { $0.contains("'old laptop'") })
    #expect(!summary.contains { reveals($0, id) })
    #expect(try await shell.client.loginKeys().isEmpty)
  }

  @Test func theKeyOptionIsASecretOfTheLine() async throws {
    let shell = try await LineRunner.make()
    let id = try await createKey(shell)

    let outcome = await shell.run("loginkey info --lk \(id)")

    let line = "loginkey info --lk \(id)"
    let secret = try #require(outcome.secretRanges.first)
    let start = line.index(line.startIndex, offsetBy: secret.start.column - 1)
    #expect(line[start...].hasPrefix(id))
  }
}
