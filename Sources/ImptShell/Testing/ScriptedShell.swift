import Foundation
import ImpCentral
import ImpCentralSandbox
import ImptCommands
import ImptLanguage

/// A whole imptsh session on a sandbox, driven by text and captured, for tests and
/// benchmarks: lines go through the real parser, checker, evaluator, commands, client
/// and sandbox.
///
/// ```swift
/// let shell = try await ScriptedShell.onSandbox()
/// let outcome = await shell.run("product create --name P; product list")
/// #expect(outcome.status == 0 && shell.output.standardOutput.contains("P"))
/// ```
public struct ScriptedShell: Sendable {
  public let session: ShellSession
  public let runner: ShellRunner
  public let output: CapturedOutput
  /// The sandbox behind the session.
  public let sandbox: Sandbox

  /// A fresh session on a new sandbox (`:memory:` unless a path is given), logged in as
  /// the seeded account, with no terminal and plain (uncoloured, unlimited) output.
  /// `repeatable` fixes the sandbox's clock and ids, so the same input prints the same
  /// output every time (golden tests). `showsWriteResults` shows what writes make, as the
  /// interactive shell does; scripts run by `imptsh FILE` leave it off. `interactive`
  /// makes the session one a person types into at the prompt, which may record.
  public static func onSandbox(
    path: String = ":memory:", mode: OutputFormat = .table,
    interaction: any Interaction = NoInteraction(), dryRun: Bool = false,
    workingFolder: String = FileManager.default.currentDirectoryPath,
    arguments: [String] = [], observer: OperationObserver? = nil, repeatable: Bool = false,
    showsWriteResults: Bool = true, interactive: Bool = false,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) async throws -> ScriptedShell {
    let output = CapturedOutput()
    let dataFolder = DataFolder(environment: ["XDG_DATA_HOME": NSTemporaryDirectory()])
    let connector = Connector(
      dataFolder: dataFolder, interaction: interaction, observer: observer)
    let connection =
      repeatable
      ? try await connector.openSandbox(
        path: path, reason: "test", clock: SteppingClock(), identifiers: SeededIdentifiers(seed: 1))
      : try await connector.openSandbox(path: path, reason: "test")
    guard let sandbox = connection.sandbox else {
      throw CommandError("test.noSandbox", "the connection has no sandbox")
    }
    let session = ShellSession(
      connection: connection, output: output, interaction: interaction,
      render: RenderOptions(mode: mode), dataFolder: dataFolder,
      workingFolder: workingFolder, dryRun: dryRun)
    session.showsWriteResults = showsWriteResults
    session.isInteractive = interactive
    let runner = ShellRunner(
      session: session, arguments: arguments, scriptName: "<test>", environment: environment)
    return ScriptedShell(session: session, runner: runner, output: output, sandbox: sandbox)
  }

  /// Runs `text` as one entry; its results and notes land in `output`.
  @discardableResult
  public func run(_ text: String, file: String = "<test>") async -> Outcome {
    await runner.run(text, file: file)
  }

  /// Runs `text`, returning what it printed to standard output, and forgetting the rest.
  public func capture(_ text: String) async -> (status: Int32, out: String, err: String) {
    output.reset()
    let outcome = await run(text)
    defer { output.reset() }
    return (outcome.status, output.standardOutput, output.standardError)
  }
}
