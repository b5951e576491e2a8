import Foundation
import ImpCentral
import ImpCentralSandbox
import ImptCommands
import ImptLanguage

/// One imptsh session: who it is logged in as, on which backend, the current product and
/// device group, how results are shown, and whether it is recording.
///
/// Shared by the interpreter, the command actions and the REPL; its mutable state is
/// behind a lock.
public final class ShellSession: @unchecked Sendable {
  // Safe: every mutable stored property is read and written only inside `lock`.
  private let lock = NSLock()
  private var connectionValue: Connection
  private var contextValue = SessionContext()
  private var recordingValue: Recording?

  public let catalogue: Catalogue
  public let output: any OutputSink
  public let interaction: any Interaction
  public let dataFolder: DataFolder
  public let workingFolder: String
  /// How results are shown, fitted to the terminal's width at this moment.
  public var render: RenderOptions {
    var options = lock.withLock { renderValue }
    if let terminalWidth { options.width = terminalWidth() }
    return options
  }
  private var renderValue: RenderOptions
  /// Reads the terminal's width now, so tables follow a resized window; nil keeps the
  /// width the render options give.
  private let terminalWidth: (@Sendable () -> Int?)?
  /// Whether writes are planned, not sent (`--dry-run`).
  public let dryRun: Bool
  /// Tells whether the user pressed Ctrl-C since the current statement started.
  public let isInterrupted: @Sendable () -> Bool
  /// Opens backends for `auth login`, with the same logger, observer and settings as the
  /// connection the session started with.
  public let connector: Connector

  /// Creates a session over an open connection.
  public init(
    connection: Connection, catalogue: Catalogue = CommandCatalogue.standard,
    output: any OutputSink, interaction: any Interaction, render: RenderOptions,
    dataFolder: DataFolder, workingFolder: String, dryRun: Bool = false,
    isInterrupted: @escaping @Sendable () -> Bool = { false }, connector: Connector? = nil,
    terminalWidth: (@Sendable () -> Int?)? = nil
  ) {
    self.terminalWidth = terminalWidth
    self.connector =
      connector ?? Connector(dataFolder: dataFolder, interaction: interaction)
    connectionValue = connection
    self.catalogue = catalogue
    self.output = output
    self.interaction = interaction
    renderValue = render
    self.dataFolder = dataFolder
    self.workingFolder = workingFolder
    self.dryRun = dryRun
    self.isInterrupted = isInterrupted
  }

  /// The backend link; replaced when `auth login` moves the session elsewhere.
  public var connection: Connection {
    get { lock.withLock { connectionValue } }
    set { lock.withLock { connectionValue = newValue } }
  }

  /// The current product and device group.
  public var context: SessionContext {
    get { lock.withLock { contextValue } }
    set { lock.withLock { contextValue = newValue } }
  }

  /// Whether a write's result is shown in table mode: yes at an interactive prompt, no in
  /// scripts, `-c` and piped input, where the write's note is enough.
  public var showsWriteResults: Bool {
    get { lock.withLock { showsWriteResultsValue } }
    set { lock.withLock { showsWriteResultsValue = newValue } }
  }
  private var showsWriteResultsValue = false

  /// Whether a person types the entries at the interactive prompt. Only then may the
  /// session record (a script or `-c` line is replayable already), and a Ctrl-C's `^C`
  /// echo needs a fresh line before the message.
  public var isInteractive: Bool {
    get { lock.withLock { isInteractiveValue } }
    set { lock.withLock { isInteractiveValue = newValue } }
  }
  private var isInteractiveValue = false

  /// The recording in progress, if any.
  var recording: Recording? {
    get { lock.withLock { recordingValue } }
    set { lock.withLock { recordingValue = newValue } }
  }

  /// Ends the session's work: a recording still running is written, so leaving the
  /// shell (Ctrl-D, `exit`) loses none of it.
  public func end() {
    Recording.finish(self)
  }

  /// Adds an entry that ran successfully to the recording in progress, if any.
  func record(_ text: String, file: String, secrets: [SourceRange]) {
    lock.withLock { recordingValue?.append(text, file: file, secrets: secrets) }
  }

  /// The services a command action gets; `client` overrides the session's (dry runs).
  func services(client: ImpCentralClient? = nil) -> SessionServices {
    let base = client ?? connection.client
    var client = base
    if dryRun, !client.mode.isDryRun { client.mode = .dryRun(PlanRecorder()) }
    return SessionServices(session: self, client: client)
  }

  /// The prompt: backend, then product and group in use: `sandbox MyProduct/MyDG> `.
  /// Control characters in the names show as escapes.
  public var prompt: String {
    let context = self.context
    let names = [context.productName, context.deviceGroupName].compactMap {
      $0?.escapingControlCharacters
    }
    let where_ = names.isEmpty ? "" : " " + names.joined(separator: "/")
    return "\(connection.label)\(where_)> "
  }

  /// Writes a note (what a command did) to standard error, dimmed on a terminal, with
  /// control characters shown as escapes.
  func note(_ text: String) {
    let style = Colors(isEnabled: render.color)
    output.err(style.dim(text.escapingControlCharacters) + "\n")
  }

  /// Shows a result in the session's output mode.
  func show(_ value: Value, format: OutputFormat? = nil) {
    var options = render
    if let format { options.mode = format }
    output.out(Renderer(options: options).render(value))
  }
}
