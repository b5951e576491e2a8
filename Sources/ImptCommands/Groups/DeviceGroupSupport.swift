import ImpCentral
import ImptLanguage

/// Steps the device-group commands share: finding the group, its targets, its details.
struct DeviceGroupSupport {
  let services: any CommandServices
  let resolver: Resolver

  /// Creates the support for one command.
  init(_ services: any CommandServices) {
    self.services = services
    resolver = Resolver(client: services.client, productScope: services.context.productID)
  }

  /// The group `--dg` names (or the session's group).
  func group(_ arguments: Arguments, option: String = "dg") async throws -> DeviceGroup {
    try await resolver.deviceGroup(try arguments.identifier(option).orMissing(option))
  }

  /// The targets `--target` and `--dut` name, checked against the group's type.
  func targets(_ arguments: Arguments, type: DeviceGroupType, productID: String) async throws
    -> (production: ResourceRef?, dut: ResourceRef?)
  {
    let production = try await target(
      arguments, "target", wanted: type.productionTargetType, label: "production target",
      type: type, productID: productID)
    let dut = try await target(
      arguments, "dut", wanted: type.dutTargetType, label: "DUT target", type: type,
      productID: productID)
    return (production, dut)
  }

  private func target(
    _ arguments: Arguments, _ option: String, wanted: DeviceGroupType?, label: String,
    type: DeviceGroupType, productID: String
  ) async throws -> ResourceRef? {
    guard let value = arguments.identifier(option) else { return nil }
    guard let wanted else {
      throw CommandError(
        "command.targetNotAllowed",
        "a \(type.name) device group has no \(label); '--\(option)' is for factory and "
          + "pre-factory groups")
    }
    let group = try await resolver.deviceGroup(value, inProduct: productID)
    guard group.groupType == wanted else {
      throw CommandError(
        "command.wrongTargetType",
        "the \(label) '\(group.name)' is a \(group.groupType.name) group, "
          + "but a \(type.name) group needs a \(wanted.name) group there")
    }
    return group.ref
  }

  /// Sets the group's minimum supported build after checking it may be.
  func setMinSupported(_ value: Value, of group: DeviceGroup) async throws {
    let build = try await resolver.deployment(value)
    guard build.deviceGroup?.id == group.id else {
      throw CommandError(
        "command.buildNotInGroup",
        "build \(build.id) does not belong to device group '\(group.name)'",
        help: ["Only one of the group's own builds can be its minimum supported build."])
    }
    if let current = group.minSupportedDeployment, current.id != build.id {
      let currentBuild = try await services.client.deployment(id: current.id)
      if let old = currentBuild.createdAt, let new = build.createdAt, new < old {
        throw CommandError(
          "command.olderMinSupported",
          "build \(build.id) is older than the group's minimum supported build \(current.id)",
          help: ["The minimum supported build can only move forward."])
      }
    }
    try await services.client.setMinSupportedDeployment(build.id, forDeviceGroup: group.id)
    services.note("set the minimum supported build of '\(group.name)' to \(build.id)")
  }

  /// The unbond key, required to take devices out of a production-family group.
  func unbondKey(_ arguments: Arguments, for group: DeviceGroup) throws -> Secret? {
    let key = arguments.string("unbond").map(Secret.init)
    if group.groupType.isProductionFamily, key == nil || key?.isEmpty == true {
      throw CommandError(
        "command.needsUnbondKey",
        "devices leave the \(group.groupType.name) group '\(group.name)' only with the "
          + "account's unbond key",
        help: ["Pass it with --unbond KEY; the devices become unblessed development devices."])
    }
    return key
  }

  /// The devices as they are now, read with one list request where they should be;
  /// in a dry run, as they were.
  func refreshed(_ devices: [Device], _ filter: DeviceFilter) async throws -> Value {
    guard !services.isDryRun else { return EntityValues.list(devices) }
    let ids = Set(devices.map(\.id))
    return EntityValues.list(
      try await services.client.devices(filter).filter { ids.contains($0.id) })
  }

  /// The confirmation summary for an action on a group's devices.
  func deviceSummary(_ action: String, _ devices: [Device], _ group: DeviceGroup) -> [String] {
    let shown = devices.prefix(5).map { "  device " + DeletePlan.describe($0) }
    let more = devices.count > 5 ? ["  … and \(devices.count - 5) more"] : []
    return ["imptsh \(action) these devices of '\(group.name)':"] + shown + more
  }

  /// The group with its devices, builds, webhooks and the groups that target it.
  func fullInfo(_ group: DeviceGroup) async throws -> Value {
    let client = services.client
    let devices = try await client.devices(DeviceFilter(deviceGroupID: group.id))
    let builds = try await client.deployments(DeploymentFilter(deviceGroupID: group.id))
    let webhooks = try await client.webhooks(WebhookFilter(deviceGroupID: group.id))
    let siblings = try await client.deviceGroups(DeviceGroupFilter(productID: group.product.id))
    let targetedBy = siblings.filter {
      $0.productionTarget?.id == group.id || $0.dutTarget?.id == group.id
    }
    return group.value
      .adding("devices", EntityValues.list(devices))
      .adding("builds", EntityValues.list(builds))
      .adding("webhooks", EntityValues.list(webhooks))
      .adding("targeted_by", EntityValues.list(targetedBy))
  }
}
