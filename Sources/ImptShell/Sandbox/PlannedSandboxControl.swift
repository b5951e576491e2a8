import ImpCentral
import ImptCommands
import ImptLanguage

/// The embedded sandbox's hardware simulation in a dry run (`explain`, `--dry-run`):
/// nothing is done; each step is noted as planned and finds no devices.
///
/// Reads (the webhook calls made so far) still go to the sandbox, as a dry run's API
/// reads do. A served sandbox needs no such stand-in: its steps are HTTP writes, which
/// the client's dry-run mode already plans.
struct PlannedSandboxControl: SandboxControl {
  /// The sandbox the reads go to.
  let sandbox: SandboxAdapter
  /// Tells the user what would happen; the session marks the note as planned.
  let note: @Sendable (String) -> Void

  func addDevices(count: Int, namePrefix: String?, impType: String?, online: Bool)
    -> [String]
  {
    let state = online ? "online" : "offline"
    let names = namePrefix.map { " named '\($0)-N'" } ?? ""
    note("sandbox: add \(Self.devices(count, state))\(names)")
    return []
  }

  func runFactory(fixtureGroupID: String, count: Int) -> [String] {
    note("sandbox: bless \(Self.devices(count)) on the factory line of \(fixtureGroupID)")
    return []
  }

  func blinkup(deviceID: String) {
    note("sandbox: activate device \(deviceID) as its end user would")
  }

  func emitLog(deviceID: String, text: String, type: String) {
    note("sandbox: log a \(type) line on device \(deviceID)")
  }

  func setOnline(deviceID: String, _ online: Bool) {
    note("sandbox: take device \(deviceID) \(online ? "online" : "offline")")
  }

  func webhookFirings() throws -> [Value] {
    try sandbox.webhookFirings()
  }

  func reset() {
    note("sandbox: empty the sandbox back to its seeded accounts")
  }

  var seededLogin: (user: String, password: Secret) { sandbox.seededLogin }

  /// `1 device`, `2 online devices`.
  private static func devices(_ count: Int, _ state: String = "") -> String {
    let adjective = state.isEmpty ? "" : state + " "
    return "\(count) \(adjective)" + (count == 1 ? "device" : "devices")
  }
}
