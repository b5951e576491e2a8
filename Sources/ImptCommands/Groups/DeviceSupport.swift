import ImpCentral
import ImptLanguage

/// Steps the device commands share: finding the device and the group it is in.
struct DeviceSupport {
  let services: any CommandServices
  let resolver: Resolver

  /// Creates the support for one command.
  init(_ services: any CommandServices) {
    self.services = services
    resolver = Resolver(client: services.client, productScope: services.context.productID)
  }

  /// The device `--device` names.
  func device(_ arguments: Arguments) async throws -> Device {
    try await resolver.device(try arguments.identifier("device").orMissing("device"))
  }

  /// The group the device is in; nil when it is unassigned.
  func group(of device: Device) async throws -> DeviceGroup? {
    try await device.deviceGroup.asyncMap { try await services.client.deviceGroup(id: $0.id) }
  }

  /// The device as the service shows it now, after a change.
  func refreshed(_ device: Device) async throws -> Value {
    try await services.client.device(id: device.id).value
  }

  /// `'name' (id)`, or the id of a device without a name.
  static func describe(_ device: Device) -> String {
    "device " + DeletePlan.describe(device)
  }

  /// The error for a device that must be in a group for the command to make sense.
  static func notAssigned(_ device: Device, _ what: String) -> CommandError {
    CommandError(
      "command.deviceNotAssigned",
      "\(describe(device)) is not assigned to a device group, so \(what)",
      help: [
        "Assign it first with 'device assign --device \(device.id) --dg DEVICE_GROUP'."
      ])
  }

  /// Puts the device into `group`: nothing to do when it is there already; a move from
  /// another group only after confirmation. Returns the device as it is afterwards.
  func move(_ device: Device, to group: DeviceGroup, _ arguments: Arguments) async throws
    -> Value
  {
    guard device.deviceGroup?.id != group.id else {
      services.note("\(Self.describe(device)) is already in '\(group.name)'")
      return device.value
    }
    let current = try await self.group(of: device)
    if let current {
      try await Confirmation.require(
        services, arguments,
        summary: [
          "imptsh will move \(Self.describe(device)) from '\(current.name)' to '\(group.name)'"
        ])
    }
    try await assign(device, to: group, from: current)
    let done = current.map { "moved \(Self.describe(device)) from '\($0.name)'" }
    services.note((done ?? "assigned \(Self.describe(device))") + " to '\(group.name)'")
    return try await refreshed(device)
  }

  /// Runs an assignment, adding a help line when the service refuses a move it only
  /// allows through the factory or the unbond key.
  private func assign(_ device: Device, to group: DeviceGroup, from current: DeviceGroup?)
    async throws
  {
    do {
      try await services.client.assignDevices([device.id], toDeviceGroup: group.id)
    } catch let error as ImpCentralError where error.id == .conflict || error.id == .validation {
      var refusal = CommandError(apiError: error)
      refusal.help += Self.assignmentHelp(device, to: group, from: current)
      throw refusal
    }
  }

  private static func assignmentHelp(
    _ device: Device, to group: DeviceGroup, from current: DeviceGroup?
  ) -> [String] {
    if let current, current.groupType.isProductionFamily, current.id != group.id {
      return [
        "A blessed device leaves '\(current.name)' only with the account's unbond key: "
          + "'device unassign --device \(device.id) --unbond KEY'."
      ]
    }
    switch group.groupType {
    case .production, .preProduction, .dut, .preDUT:
      return [
        "Devices reach a \(group.groupType.name) group only through the factory: assign "
          + "fixtures to a factory group that targets it and run the line "
          + "('sandbox factory run' on the sandbox)."
      ]
    default:
      return []
    }
  }
}
