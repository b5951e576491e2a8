import ImpCentral
import ImptLanguage

/// The sandbox's hardware simulation, as the `sandbox` commands use it.
///
/// Devices are named by id; the commands find ids through the API first, so a device
/// is named the same way here as everywhere else. Failures are user-facing errors.
/// Asynchronous because a served sandbox (`imptsh --serve`) is driven over HTTP.
public protocol SandboxControl: Sendable {
  /// Adds new unassigned devices to the account; returns their ids.
  func addDevices(count: Int, namePrefix: String?, impType: String?, online: Bool) async throws
    -> [String]
  /// Runs the factory line of a factory group; returns the ids of the blessed devices.
  func runFactory(fixtureGroupID: String, count: Int) async throws -> [String]
  /// Activates a blessed device as an end user would.
  func blinkup(deviceID: String) async throws
  /// Makes a device log a line.
  func emitLog(deviceID: String, text: String, type: String) async throws
  /// Takes a device on- or offline.
  func setOnline(deviceID: String, _ online: Bool) async throws
  /// Every webhook firing so far, oldest first, as records.
  func webhookFirings() async throws -> [Value]
  /// Empties the sandbox back to its seeded account.
  func reset() async throws
  /// The seeded account a session logs back in as after a reset, which ends every login.
  var seededLogin: (user: String, password: Secret) { get }
}
