import ImpCentral
import ImptShell
import Testing

@testable import ImptCommands
@testable import ImptLanguage

/// A line recalled from history holds `***` where its secret was; it is refused before
/// anything is sent, rather than tried as the secret.
@Suite struct MaskedSecretTests {
  /// Every secret option of every command, as `command name`, `option name` pairs.
  static let secretOptions: [(String, String)] = CommandCatalogue.standard.commands
    .flatMap { spec in spec.options.filter(\.isSecret).map { (spec.name, $0.name) } }

  @Test func theMaskIsTheOneHistoryWrites() {
    #expect(MaskedSecret.mask == HistoryRedactor.mask)
  }

  /// The client of these services reaches nothing: a request would fail as a
  /// connection failure, not as a masked secret.
  @Test(arguments: secretOptions)
  func everySecretOptionHoldingTheMaskIsRefusedBeforeAnyRequest(
    _ command: String, _ option: String
  ) async throws {
    let spec = try #require(CommandCatalogue.standard.commands.first { $0.name == command })
    let place = SourcePosition(line: 1, column: 1)
    let invocation = Invocation(
      command: spec, arguments: [option: .string(MaskedSecret.mask), "confirmed": .bool(true)],
      range: SourceRange(file: "test", start: place, end: place))

    let error = await #expect(throws: CommandError.self) {
      _ = try await spec.action(invocation, ServicesWithoutSandbox())
    }

    #expect(error?.id == "command.maskedSecret")
    #expect(
      error?.message == "the value of '--\(option)' was hidden when this line went into history")
  }

  /// Regression: Up then Enter on `auth login … --pwd ***` tried `***` as the password.
  @Test func aRecalledLoginIsRefusedWithHowToTypeIt() async throws {
    let shell = try await LineRunner.make(interactive: true)

    let failure = try await shell.failure("auth login --user sandbox --pwd ***")

    #expect(failure.id == "command.maskedSecret")
    #expect(
      failure.help == [
        "Type the line again with the real value, or leave --pwd out to be asked for it."
      ])
    #expect(shell.terminal.prompts.isEmpty)
  }

  @Test func aSecretThatOnlyContainsTheMaskIsSent() async throws {
    let shell = try await LineRunner.make()

    let failure = try await shell.failure("auth login --user sandbox --pwd '***x'")

    #expect(failure.id != "command.maskedSecret")
  }
}
