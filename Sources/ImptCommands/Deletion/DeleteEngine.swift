import ImpCentral
import ImptLanguage

/// Carries out a delete plan in a fixed order: unassign devices, unflag builds, delete
/// device groups (fixture groups first, since they target the others), products,
/// devices, builds, webhooks and login keys.
///
/// Not atomic: a failure midway leaves earlier changes in place, and says so. An entity
/// already gone is reported and skipped, not an error.
struct DeleteEngine {
  let services: any CommandServices
  /// The account password, for deleting login keys.
  var password: Secret?

  /// Asks for confirmation (unless `--confirmed`), then runs the plan.
  ///
  /// Every deleted (or already gone) product and device group is reported to the
  /// services (`entityDeleted`), so the session stops using it.
  func run(_ plan: DeletePlan, _ arguments: Arguments) async throws {
    try await Confirmation.require(services, arguments, summary: plan.summary)
    let force = arguments.flag("force")
    try await unassign(plan.unassign)
    for build in plan.unflag {
      _ = try await services.client.updateDeployment(
        id: build.id, DeploymentChanges(flagged: false))
      services.note("unflagged \(DeletePlan.describe(build))")
    }
    let fixturesFirst = plan.groups.sorted { $0.groupType.isFixture && !$1.groupType.isFixture }
    for group in fixturesFirst {
      try await delete("device group '\(group.name)'", force: force) {
        try await services.client.deleteDeviceGroup(id: group.id)
      }
      services.entityDeleted(kind: .deviceGroup, id: group.id)
    }
    try await deleteRest(plan, force: force)
  }

  private func deleteRest(_ plan: DeletePlan, force: Bool) async throws {
    let client = services.client
    for product in plan.products {
      try await delete("product '\(product.name)'", force: force) {
        try await client.deleteProduct(id: product.id)
      }
      services.entityDeleted(kind: .product, id: product.id)
    }
    for device in plan.devices {
      try await delete("device \(DeletePlan.describe(device))", verb: "removed") {
        try await client.deleteDevice(id: device.id)
      }
    }
    for build in plan.deployments {
      try await delete(DeletePlan.describe(build), force: force) {
        try await client.deleteDeployment(id: build.id)
      }
    }
    for webhook in plan.webhooks {
      try await delete("webhook \(webhook.id)") { try await client.deleteWebhook(id: webhook.id) }
    }
    for key in plan.loginKeys {
      let password = try self.password ?? missingPassword()
      try await delete("a login key") {
        try await client.deleteLoginKey(id: key.id, password: password)
      }
    }
  }

  /// Unassigns devices, one request per group.
  func unassign(_ pairs: [(device: Device, group: DeviceGroup)], unbondKey: Secret? = nil)
    async throws
  {
    let byGroup = Dictionary(grouping: pairs, by: { $0.group.id })
    for groupID in byGroup.keys.sorted() {
      guard let members = byGroup[groupID], let group = members.first?.group else { continue }
      do {
        try await services.client.unassignDevices(
          members.map(\.device.id), fromDeviceGroup: groupID, unbondKey: unbondKey)
        services.note("unassigned \(Self.count(members.count, "device")) from '\(group.name)'")
      } catch let error as ImpCentralError where error.isBatchOfNotFound {
        services.note("the devices were already unassigned from '\(group.name)'")
      }
    }
  }

  /// Runs one deletion: an entity already gone is a note; a refusal gets help saying
  /// how to get past it (`force`: whether `--force` was given).
  private func delete(
    _ what: String, verb: String = "deleted", force: Bool = false,
    _ action: () async throws -> Void
  ) async throws {
    do {
      try await action()
      services.note("\(verb) \(what)")
    } catch let error as ImpCentralError where error.id == .notFound {
      services.note("\(what) was already gone")
    } catch let error as ImpCentralError where error.id == .conflict {
      throw DeleteRefusal.error(error, force: force)
    }
  }

  private func missingPassword() throws -> Secret {
    throw CommandError.bug("a login key deletion was planned without the password")
  }

  /// `1 device`, `3 devices`.
  static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }
}
