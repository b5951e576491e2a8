import Foundation
import ImpCentral
import ImpCentralSandbox
import ImptCommands
import ImptLanguage

/// Everything a launch needs to open its session: options, environment, folders.
struct SessionSetup: Sendable {
  let options: LaunchOptions
  let environment: [String: String]
  let output: any OutputSink
  let dataFolder: DataFolder
  let workingFolder: String

  init(options: LaunchOptions, environment: [String: String], output: any OutputSink) {
    self.options = options
    self.environment = environment
    if isatty(STDERR_FILENO) == 1 {
      let colors = Colors(
        noColorFlag: options.noColor, environment: environment, outputIsTerminal: true)
      let progress = ListingProgress(colors: colors)
      self.progress = progress
      self.output = ProgressAwareOutput(output, progress: progress)
    } else {
      progress = nil
      self.output = output
    }
    dataFolder = DataFolder(environment: environment)
    workingFolder = FileManager.default.currentDirectoryPath
  }

  /// The script text and its name, or nil for the interactive shell.
  func source() throws -> (text: String, file: String)? {
    switch options.mode {
    case .inline(let text): return (text, "<command line>")
    case .script(let path, _), .check(let path): return (try Self.read(path), path)
    default: return nil
    }
  }

  /// How results are shown: colour only on a terminal, never under NO_COLOR.
  var render: RenderOptions {
    let colors = Colors(
      noColorFlag: options.noColor, environment: environment,
      outputIsTerminal: Terminal.outputIsTerminal)
    return RenderOptions(
      mode: options.output ?? .table, color: colors.isEnabled,
      width: Terminal.outputIsTerminal ? Terminal.width : nil)
  }

  /// The logger `--debug` turns on.
  var logger: Logger {
    options.debug
      ? Logger(label: "imptsh", level: .debug, handler: Logger.standardErrorHandler)
      : .disabled
  }

  /// The backend the options and surroundings choose.
  func backend() throws -> BackendChoice {
    try BackendSelector(
      sandboxFlag: options.sandbox, endpointFlag: options.endpoint, environment: environment,
      workingFolder: workingFolder, dataFolder: dataFolder
    ).choose()
  }

  /// Connects and builds the session, starting in the project's device group if the
  /// working folder has a `.impt.project`.
  func open() async throws -> ShellSession {
    let interaction = TerminalInteraction(output: output)
    var connector = Connector(dataFolder: dataFolder, interaction: interaction, logger: logger)
    connector.webhooks = webhooks
    if let progress { connector.observer = progress.observe }
    connector.sandboxHosts = ServedSandbox.hosts(in: environment)
    let colors = Colors(isEnabled: render.color)
    connector.onLongWait = { [output] text in output.err(colors.dim(text) + "\n") }
    let connection = try await connector.open(try backend())
    let width: (@Sendable () -> Int?)? =
      Terminal.outputIsTerminal ? { @Sendable in Terminal.width } : nil
    let session = ShellSession(
      connection: connection, output: output, interaction: interaction, render: render,
      dataFolder: dataFolder, workingFolder: workingFolder, dryRun: options.dryRun,
      isInterrupted: { Interrupts.isPending }, connector: connector,
      terminalWidth: width)
    await ProjectDefaults(session: session).apply()
    return session
  }

  /// Delivers the sandbox's webhook calls to loopback URLs; the launcher lets them
  /// arrive before imptsh exits.
  let webhooks = HTTPWebhookDeliverer()

  /// The longest imptsh waits at exit for webhook calls still on their way.
  static let webhookGrace: TimeInterval = 3

  /// Ends the session: writes a recording still running, and gives webhook calls still
  /// on their way a few seconds to arrive.
  @available(*, noasync)
  func finish(_ session: ShellSession) {
    session.end()
    guard !webhooks.waitForDeliveries(timeout: Self.webhookGrace) else { return }
    let left = webhooks.pendingCount
    session.note(
      "\(left) webhook \(left == 1 ? "call was" : "calls were") still on the way when imptsh "
        + "exited")
  }

  /// The progress line of long listings, when standard error is a terminal.
  let progress: ListingProgress?

  /// Runs a whole script or `-c` text; returns its exit status.
  @available(*, noasync)
  func runScript(_ session: ShellSession, _ text: String, file: String) -> Int32 {
    var arguments: [String] = []
    if case .script(_, let given) = options.mode { arguments = given }
    let runner = ShellRunner(
      session: session, arguments: arguments, scriptName: file, environment: environment)
    Interrupts.install()
    // Ctrl-C cancels the statement running, as at the prompt: a `log stream` stops
    // following and the script ends instead of waiting for the next log line.
    let outcome = try? runBlocking {
      try await interruptible { await runner.run(text, file: file) }
    }
    return outcome?.status ?? 1
  }

  /// Checks a script without connecting; returns 0 or 2.
  @available(*, noasync)
  func check(_ text: String, file: String) -> Int32 {
    let isSandbox: Bool
    if case .sandbox? = try? backend() { isSandbox = true } else { isSandbox = false }
    let session = ShellSession.checkOnly(
      isSandbox: isSandbox, output: output, render: render, dataFolder: dataFolder,
      workingFolder: workingFolder)
    let runner = ShellRunner(session: session, scriptName: file, environment: environment)
    let outcome = try? runBlocking { await runner.check(text, file: file) }
    guard let outcome, outcome.status == 0 else { return 2 }
    output.err("\(file): no problems found\n")
    return 0
  }

  private static func read(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandError(
        "launch.cannotRead", "cannot read the script '\(path)'",
        help: ["Check the path and that the file is readable."])
    }
    return String(decoding: data, as: UTF8.self)
  }
}
