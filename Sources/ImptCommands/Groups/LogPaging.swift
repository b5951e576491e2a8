import ImpCentral
import ImptLanguage

/// `log get`: one page of a device's log, as the command's value.
///
/// The page is returned, never shown page by page: a command cannot know whether it is
/// the last stage of a pipe, and a pager waiting at the terminal would take the next
/// command typed as its answer. A full page ends with a note saying how to get the next.
struct LogPaging {
  /// What the command may use.
  let services: any CommandServices
  /// The command's options.
  let arguments: Arguments

  /// The page size when `--page-size` is left out, as impt has it.
  static let defaultSize = 20

  /// Creates the paging for one command.
  init(_ services: any CommandServices, _ arguments: Arguments) {
    self.services = services
    self.arguments = arguments
  }

  /// Fetches the page the options ask for (page 1 without `--page-number`).
  func run() async throws -> Value {
    let size = try pageSize()
    let device = try await device()
    let number = arguments.integer("page-number") ?? 1
    let entries = try await entries(of: device, page: number, size: size)
    if entries.count == size { services.note(nextPageNote(device, number + 1, size: size)) }
    return Self.list(entries)
  }

  /// `page 1 is full; the next one: 'log get --device fixture-1 --page-number 2'`.
  private func nextPageNote(_ device: Device, _ next: Int, size: Int) -> String {
    let typed = arguments.string("device").flatMap { Self.isPlainWord($0) ? $0 : nil }
    let sizeOption = arguments.has("page-size") ? " --page-size \(size)" : ""
    return "page \(next - 1) is full; the next one: "
      + "'log get --device \(typed ?? device.id)\(sizeOption) --page-number \(next)'"
  }

  /// Whether `text` can be typed back as it is, without quotes.
  private static func isPlainWord(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_.:".contains($0) }
  }

  private func entries(of device: Device, page: Int, size: Int) async throws -> [LogEntry] {
    try await services.client.deviceLogs(id: device.id, page: PageRequest(number: page, size: size))
      .entries
  }

  /// `--page-size`, checked against the service's bounds.
  private func pageSize() throws -> Int {
    guard arguments.has("page-size") else { return Self.defaultSize }
    let text = arguments.string("page-size") ?? ""
    guard let size = arguments.integer("page-size"), (1...PageRequest.maximumSize).contains(size)
    else {
      throw CommandError(
        "command.badValue",
        "expected a page size from 1 to \(PageRequest.maximumSize) for '--page-size', "
          + "found '\(text)'")
    }
    return size
  }

  /// The device `--device` names, or the only device of the session's device group.
  private func device() async throws -> Device {
    let resolver = Resolver(client: services.client, productScope: services.context.productID)
    if let value = arguments.identifier("device") { return try await resolver.device(value) }
    guard let groupID = services.context.deviceGroupID else {
      throw CommandError(
        "command.missingOption", "no '--device' was given",
        help: ["Give --device, or choose a device group with one device with 'use dg NAME'."])
    }
    let group = try await resolver.deviceGroup(.string(groupID))
    let devices = try await services.client.devices(DeviceFilter(deviceGroupID: group.id))
    guard devices.count == 1, let only = devices.first else {
      throw Self.notOneDevice(devices, group)
    }
    return only
  }

  private static func notOneDevice(_ devices: [Device], _ group: DeviceGroup) -> CommandError {
    CommandError(
      "command.noDevice",
      "device group '\(group.name)' has \(DeleteEngine.count(devices.count, "device")), "
        + "so '--device' must say which log to show",
      help: ["Give --device with the device's id, name, MAC address or agent id."],
      details: devices.prefix(5).map { "device " + DeletePlan.describe($0) })
  }

  /// Entries as a list of `ts`, `type`, `msg` records.
  static func list(_ entries: [LogEntry]) -> Value {
    .list(entries.map(LogValues.value))
  }
}
