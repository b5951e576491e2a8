import Foundation
import ImpCentral
import ImptCommands
import ImptLanguage

/// The services a session gives command actions.
struct SessionServices: CommandServices {
  let session: ShellSession
  let client: ImpCentralClient

  var interaction: any Interaction { session.interaction }
  /// Logging in and out; a dry run only plans it.
  var auth: any AuthControl {
    isDryRun ? PlannedAuth(session: session, client: client) : SessionAuth(session: session)
  }

  /// The hardware simulation. In a dry run the embedded sandbox's is planned, never done;
  /// a served sandbox's goes through the dry-run client, which plans its writes.
  var sandbox: (any SandboxControl)? {
    let connection = session.connection
    if let sandbox = connection.sandbox {
      let adapter = SandboxAdapter(sandbox)
      guard isDryRun else { return adapter }
      return PlannedSandboxControl(sandbox: adapter) { [self] text in note(text) }
    }
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

  /// Stops using a product or device group that is gone; a planned delete changes nothing.
  func entityDeleted(kind: ResourceKind, id: String) {
    guard !isDryRun else { return }
    var context = session.context
    switch kind {
    case .product where context.productID == id:
      note("stopped using product '\(context.productName ?? id)': it was deleted")
      context = SessionContext()
    case .deviceGroup where context.deviceGroupID == id:
      note("stopped using device group '\(context.deviceGroupName ?? id)': it was deleted")
      context.deviceGroupID = nil
      context.deviceGroupName = nil
    default:
      return
    }
    session.context = context
  }
}

/// One line per value shown while a command runs, such as a log line.
enum StreamLine {
  /// `2026-12-03T10:00:00.000Z [server.log] hello` for a log record; compact JSON in JSON
  /// mode; otherwise the value's text. Control characters a device logged show as
  /// escapes.
  static func text(_ value: Value, options: RenderOptions) -> String {
    if options.mode == .json { return value.jsonText(pretty: false) + "\n" }
    guard case .record(let record) = value, let ts = record["ts"], let msg = record["msg"]
    else { return value.displayText.escapingControlCharacters + "\n" }
    let device = record["device"].map { "[\($0.displayText)] " } ?? ""
    let type = record["type"].map { " [\($0.displayText)]" } ?? ""
    let line = device + ts.displayText + type + " " + msg.displayText
    return line.escapingControlCharacters + "\n"
  }
}
