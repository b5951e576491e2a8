import Foundation
import ImpCentral
import ImptCommands
import ImptLanguage

/// The services a session gives command actions.
struct SessionServices: CommandServices {
  let session: ShellSession
  let client: ImpCentralClient

  var interaction: any Interaction { session.interaction }
  var auth: any AuthControl { SessionAuth(session: session) }
  var sandbox: (any SandboxControl)? {
    let connection = session.connection
    if let sandbox = connection.sandbox { return SandboxAdapter(sandbox) }
    guard let admin = connection.servedSandbox else { return nil }
    return RemoteSandboxControl(client: client, adminURL: admin)
  }
  var context: SessionContext { session.context }
  var isDryRun: Bool { client.mode.isDryRun }
  var workingFolder: String { session.workingFolder }

  /// Notes of a planned run say so: nothing they describe has happened.
  func note(_ text: String) { session.note(isDryRun ? "(not done, planned) " + text : text) }

  func emit(_ value: Value) {
    session.output.out(StreamLine.text(value, options: session.render))
  }
}

/// One line per value shown while a command runs, such as a log line.
enum StreamLine {
  /// `2026-12-03T10:00:00.000Z [server.log] hello` for a log record; compact JSON in JSON
  /// mode; otherwise the value's cell text.
  static func text(_ value: Value, options: RenderOptions) -> String {
    if options.mode == .json { return value.jsonText(pretty: false) + "\n" }
    guard case .record(let record) = value, let ts = record["ts"], let msg = record["msg"]
    else { return value.displayText + "\n" }
    let device = record["device"].map { "[\($0.displayText)] " } ?? ""
    let type = record["type"].map { " [\($0.displayText)]" } ?? ""
    return device + ts.displayText + type + " " + msg.displayText + "\n"
  }
}
