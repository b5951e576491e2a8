import ImpCentral
import ImptLanguage

/// Steps the `sandbox` commands share: reaching the simulation, and reading back through
/// the API what it changed, so results are the same entities every other command returns.
struct SandboxSupport {
  let services: any CommandServices
  /// The hardware simulation of the sandbox backend.
  let control: any SandboxControl

  /// Creates the support; throws when the backend is not the sandbox.
  init(_ services: any CommandServices, _ arguments: Arguments) throws {
    guard let control = services.sandbox else {
      throw CommandError(
        "command.sandboxOnly",
        "'\(arguments.command)' simulates hardware and works only on the sandbox backend",
        help: ["Start imptsh with --sandbox PATH (or --sandbox :memory:) to use the sandbox."])
    }
    self.services = services
    self.control = control
  }

  /// The device `--device` names, found through the API.
  func device(_ arguments: Arguments) async throws -> Device {
    try await Resolver(client: services.client)
      .device(try arguments.identifier("device").orMissing("device"))
  }

  /// The devices with these ids, in this order, read through the API.
  ///
  /// A few are fetched one by one; more are read from the list `filter` selects.
  func devices(_ ids: [String], among filter: DeviceFilter) async throws -> [Device] {
    guard ids.count > Self.singleFetchLimit else {
      var devices: [Device] = []
      for id in ids { devices.append(try await services.client.device(id: id)) }
      return devices
    }
    let listed = try await services.client.devices(filter)
    let byID = Dictionary(listed.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var devices: [Device] = []
    for id in ids {
      if let device = byID[id] {
        devices.append(device)
      } else {
        devices.append(try await services.client.device(id: id))
      }
    }
    return devices
  }

  /// Up to this many new devices are fetched one request each.
  static let singleFetchLimit = 20

  /// The device read again after the simulation changed it.
  func refreshed(_ device: Device) async throws -> Value {
    try await services.client.device(id: device.id).value
  }

  /// `--count`, defaulting to 1.
  static func count(_ arguments: Arguments) -> Int {
    arguments.integer("count") ?? 1
  }
}
