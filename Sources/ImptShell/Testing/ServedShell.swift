import Foundation
import ImpCentral
import ImpCentralSandbox
import ImptCommands
import ImptLanguage

/// A sandbox served over loopback HTTP in this process, with a session logged in to it
/// over HTTP as the seeded account, for tests and benchmarks of the HTTP path.
///
/// ```swift
/// let served = try await ServedShell.start()
/// defer { served.stop() }
/// await served.shell.run("sandbox device add --count 2; device list")
/// print(served.server.requests.total)
/// ```
public struct ServedShell: Sendable {
  /// The session, on an HTTP connection to `server`.
  public let shell: ScriptedShell
  /// The server, with its request counts and fault plan.
  public let server: SandboxHTTPServer

  /// Serves a new sandbox on a free loopback port and connects a session to it.
  ///
  /// `catalogue` lets benchmarks wrap the commands to count them; `observer` sees every
  /// API operation of the session.
  public static func start(
    path: String = ":memory:", configuration: SandboxConfiguration = SandboxConfiguration(),
    faults: FaultPlan = FaultPlan(), catalogue: Catalogue = CommandCatalogue.standard,
    workingFolder: String = FileManager.default.currentDirectoryPath,
    arguments: [String] = [], observer: OperationObserver? = nil
  ) async throws -> ServedShell {
    let sandbox = try Sandbox(path: path, configuration: configuration)
    let server = SandboxHTTPServer(
      responder: sandbox, admin: SandboxAdminAPI(sandbox: sandbox), faults: faults)
    try server.start()
    sandbox.setBaseURL(server.baseURL.absoluteString)
    do {
      let shell = try await connect(
        server, sandbox, catalogue, workingFolder, arguments, observer)
      return ServedShell(shell: shell, server: server)
    } catch {
      server.stop()
      throw error
    }
  }

  /// Stops the server.
  public func stop() {
    server.stop()
  }

  private static func connect(
    _ server: SandboxHTTPServer, _ sandbox: Sandbox, _ catalogue: Catalogue,
    _ workingFolder: String, _ arguments: [String], _ observer: OperationObserver?
  ) async throws -> ScriptedShell {
    let output = CapturedOutput()
    let dataFolder = DataFolder(environment: ["XDG_DATA_HOME": NSTemporaryDirectory()])
    let connector = Connector(
      dataFolder: dataFolder, interaction: NoInteraction(), observer: observer)
    let account = SandboxAccounts.standard
    let connection = try await connector.openRemote(
      endpoint: server.baseURL.absoluteString,
      login: .user(account.username, password: account.password), reason: "test")
    let session = ShellSession(
      connection: connection, catalogue: catalogue, output: output,
      interaction: NoInteraction(), render: RenderOptions(mode: .table),
      dataFolder: dataFolder, workingFolder: workingFolder, connector: connector)
    let runner = ShellRunner(session: session, arguments: arguments, scriptName: "<test>")
    return ScriptedShell(session: session, runner: runner, output: output, sandbox: sandbox)
  }
}
