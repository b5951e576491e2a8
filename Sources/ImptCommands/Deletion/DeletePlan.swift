import ImpCentral

/// What a delete-like command will change, gathered before anything changes.
///
/// Every entity in it was fetched first, so a name that matches nothing fails the command
/// before the first change.
struct DeletePlan: Sendable {
  /// Devices to take out of their groups first, with the group each is in.
  var unassign: [(device: Device, group: DeviceGroup)] = []
  /// Flagged builds to unflag so they can be deleted.
  var unflag: [Deployment] = []
  var groups: [DeviceGroup] = []
  var products: [Product] = []
  var devices: [Device] = []
  var deployments: [Deployment] = []
  var webhooks: [Webhook] = []
  var loginKeys: [LoginKey] = []
  /// What the summary says of the builds to unflag: they are unflagged so they can be
  /// deleted, unless the command unflags them for their own sake (`dg builds --unflag`).
  var unflagTitle = "will unflag, so they can be deleted"

  /// Whether there is nothing to do.
  var isEmpty: Bool {
    unassign.isEmpty && unflag.isEmpty && groups.isEmpty && products.isEmpty
      && devices.isEmpty && deployments.isEmpty && webhooks.isEmpty && loginKeys.isEmpty
  }

  /// The lines shown before the question, at most five items a section.
  var summary: [String] {
    var lines: [String] = []
    section("will delete", deletions, into: &lines)
    section(
      "will unassign from their device groups",
      unassign.map { "device \(Self.describe($0.device)) from '\($0.group.name)'" },
      into: &lines)
    section(unflagTitle, unflag.map(Self.describe), into: &lines)
    return lines
  }

  private var deletions: [String] {
    groups.map { "device group '\($0.name)' (\($0.groupType.name))" }
      + products.map { "product '\($0.name)'" }
      + devices.map { "device " + Self.describe($0) }
      + deployments.map(Self.describe)
      + webhooks.map { "webhook \($0.id) (\($0.event.rawValue) → \($0.url))" }
      + loginKeys.map { "login key \($0.description.map { "'\($0)'" } ?? "(no description)")" }
  }

  private func section(_ title: String, _ items: [String], into lines: inout [String]) {
    guard !items.isEmpty else { return }
    lines.append("imptsh \(title):")
    lines += items.prefix(5).map { "  " + $0 }
    if items.count > 5 { lines.append("  … and \(items.count - 5) more") }
  }

  static func describe(_ device: Device) -> String {
    device.name.map { "'\($0)' (\(device.id))" } ?? device.id
  }

  static func describe(_ build: Deployment) -> String {
    let tags = build.tags.isEmpty ? "" : " [\(build.tags.joined(separator: ", "))]"
    return "build \(build.id)\(tags)"
  }
}
