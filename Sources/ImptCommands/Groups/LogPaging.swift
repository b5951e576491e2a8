import ImpCentral
import ImptLanguage

/// `log get`: one page of a device's log, or page after page at a terminal.
///
/// With `--page-number`, or without a terminal, the page is the command's value. At a
/// terminal without it, each page's lines are shown as they arrive (as a log stream's
/// are) and Enter fetches the next; a short page is the last one, and any other reply
/// (or EOF, or Ctrl-C) stops. The pages are shown, not returned.
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

  /// Fetches and returns or shows the pages the options ask for.
  func run() async throws -> Value {
    let size = try pageSize()
    let device = try await device()
    if let number = arguments.integer("page-number") {
      return Self.list(try await entries(of: device, page: number, size: size))
    }
    guard services.interaction.isInteractive else {
      return Self.list(try await entries(of: device, page: 1, size: size))
    }
    try await page(through: device, size: size)
    return .null
  }

  /// Shows pages one at a time while the person at the terminal presses Enter.
  private func page(through device: Device, size: Int) async throws {
    var number = 1
    while true {
      let entries = try await entries(of: device, page: number, size: size)
      guard !entries.isEmpty else {
        services.note(
          number == 1 ? "\(Self.name(device)) has no log entries" : "no more log entries")
        return
      }
      for entry in entries { services.emit(LogValues.value(entry)) }
      guard entries.count == size else { return }
      let prompt = "press Enter for page \(number + 1), or type q and Enter to stop: "
      guard let reply = await services.interaction.readLine(prompt: prompt), reply.isEmpty else {
        return
      }
      number += 1
    }
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

  private static func name(_ device: Device) -> String {
    "device " + DeletePlan.describe(device)
  }

  /// Entries as a list of `ts`, `type`, `msg` records.
  static func list(_ entries: [LogEntry]) -> Value {
    .list(entries.map(LogValues.value))
  }
}
