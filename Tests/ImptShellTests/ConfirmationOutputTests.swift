import Foundation
import ImpCentral
import ImptCommands
import ImptLanguage
import Testing

@testable import ImptShell

/// Saying no at a question, or Ctrl-C while a command runs, is no mistake in the input:
/// the shell says so plainly, and the status still shows that nothing ran.
@Suite struct ConfirmationOutputTests {
  @Test func decliningAQuestionIsAPlainNoteNotAnErrorFrame() async throws {
    let shell = try await ScriptedShell.onSandbox(interaction: Answering(yes: false))
    await shell.run("product create --name Kept")
    let result = await shell.capture("product delete --product Kept")
    #expect(result.status == 1)
    #expect(result.err == "cancelled: nothing was changed\n", "\(result.err)")
    #expect(await shell.capture("product list | count").out == "1\n")
  }

  private func interruptedSession(interactive: Bool) async throws -> (ShellRunner, CapturedOutput) {
    let output = CapturedOutput()
    let dataFolder = DataFolder(environment: ["XDG_DATA_HOME": NSTemporaryDirectory()])
    let connector = Connector(dataFolder: dataFolder, interaction: NoInteraction())
    let session = ShellSession(
      connection: try await connector.openSandbox(path: ":memory:", reason: "test"),
      output: output, interaction: NoInteraction(), render: RenderOptions(mode: .table),
      dataFolder: dataFolder, workingFolder: NSTemporaryDirectory(), isInterrupted: { true })
    session.isInteractive = interactive
    return (ShellRunner(session: session, diagnosticStyle: .caret), output)
  }

  @Test func atThePromptAnInterruptionStartsOnALineOfItsOwn() async throws {
    let (runner, output) = try await interruptedSession(interactive: true)
    let outcome = await runner.run("for n in [1, 2] { echo $n }", file: "<stdin>")
    #expect(outcome.status != 0)
    #expect(output.standardError.hasPrefix("\nerror: interrupted"), "\(output.standardError)")
  }

  @Test func inAScriptAnInterruptionNeedsNoBlankLine() async throws {
    let (runner, output) = try await interruptedSession(interactive: false)
    _ = await runner.run("for n in [1, 2] { echo $n }", file: "<stdin>")
    #expect(output.standardError.hasPrefix("error: interrupted"), "\(output.standardError)")
  }
}
