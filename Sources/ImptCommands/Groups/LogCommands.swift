import ImpCentral
import ImptLanguage

/// `log get|stream`: a device's historical log, and live logs of devices and groups.
enum LogCommands {
  /// The group's commands, in help order.
  static let all = [get, stream]

  static let get = CommandSpec(
    group: "log", verb: "get", summary: "show a device's recent log, newest first",
    details: """
      Returns one page of log entries (ts, type, msg), newest first: page 1 without \
      --page-number. When the page is full, a note says how to get the next one. Without \
      --device, the one device of the session's device group is used. impCentral keeps a \
      limited number of entries for a limited time.
      """,
    options: [
      OptionSpec(
        "device", short: "d", placeholder: "DEVICE",
        summary: "the device: id, name, MAC address or agent id (default: the only device of "
          + "the session's device group)",
        identifies: .device),
      OptionSpec(
        "page-size", short: "s", kind: .integer(minimum: 1), placeholder: "SIZE",
        summary: "entries per page, from 1 to 100 (default 20)"),
      OptionSpec(
        "page-number", short: "n", kind: .integer(minimum: 1), placeholder: "NUMBER",
        summary: "the page to return; page 1 holds the newest entries"),
    ],
    examples: [
      CommandExample(
        "log get --device fixture-1", "the newest 20 entries", setup: LogExamples.loggingDevice),
      CommandExample(
        "log get --device fixture-1 --page-number 2", "the 20 entries before those",
        setup: LogExamples.loggingDevice),
      CommandExample(
        #"log get --device fixture-1 --page-size 5 | where type == "status""#,
        "the status entries among the newest five", setup: LogExamples.loggingDevice),
    ],
    result: .list(.logEntry), pipeOption: "device",
    action: Action.run { arguments, services in
      try await LogPaging(services, arguments).run()
    })

  static let stream = CommandSpec(
    group: "log", verb: "stream", summary: "follow the live logs of devices",
    details: """
      Follows every device named with --device and every device of the groups named with \
      --dg; with neither, the devices of the session's device group. Lines are shown as \
      they arrive until the service closes the stream, --for runs out, or Ctrl-C is \
      pressed.
      """,
    options: [
      OptionSpec(
        "device", short: "d", kind: .textList, placeholder: "DEVICE",
        summary: "a device to follow (repeat for several)", identifies: .device),
      OptionSpec(
        "dg", short: "g", kind: .textList, placeholder: "DEVICE_GROUP",
        summary: "follow every device of this group (repeat for several)",
        identifies: .deviceGroup),
      OptionSpec(
        "for", short: "t", kind: .integer(minimum: 1), placeholder: "SECONDS",
        summary: "stop following after this many seconds (at most a day)"),
    ],
    examples: [
      CommandExample(
        "log stream --device fixture-1 --device fixture-2 --for 1",
        "follow two devices for a second",
        setup: ["sandbox device add --count 2 --name fixture"]),
      CommandExample(
        "log stream --dg MyDevDG --for 1", "follow every device of a group for a second",
        setup: LogExamples.groupWithDevice),
    ],
    pipeOption: "device",
    action: Action.run { arguments, services in
      let seconds = try LogTargets.duration(arguments)
      let devices = try await LogTargets(services).devices(arguments)
      do {
        if try await LogStreaming(services).follow(devices, for: seconds) {
          services.note("stopped following the logs after \(seconds ?? 0) s")
        }
      } catch is CancellationError {
        services.note("stopped following the logs")
      }
      return .null
    })
}

/// Setup lines the log examples share.
enum LogExamples {
  /// A device, `fixture-1`, that has logged a line.
  static let loggingDevice = [
    "sandbox device add --count 1 --name fixture",
    "sandbox log --device fixture-1 --text 'hello from the sandbox'",
  ]

  /// A development group, `MyDevDG`, with one device, `fixture-1`.
  static let groupWithDevice = [
    "product create --name MyProduct", "dg create --name MyDevDG --product MyProduct",
    "sandbox device add --count 1 --name fixture",
    "device assign --device fixture-1 --dg MyDevDG --confirmed",
  ]
}

/// Finds the devices a `log stream` follows.
struct LogTargets {
  let services: any CommandServices
  private let resolver: Resolver

  /// Creates the finder for one command.
  init(_ services: any CommandServices) {
    self.services = services
    resolver = Resolver(client: services.client, productScope: services.context.productID)
  }

  /// The devices of `--device` and `--dg` (or the session's group), without repeats.
  func devices(_ arguments: Arguments) async throws -> [Device] {
    var devices: [Device] = []
    for value in Self.values(arguments, "device") {
      devices.append(try await resolver.device(value))
    }
    var groups: [DeviceGroup] = []
    for value in Self.values(arguments, "dg") {
      groups.append(try await resolver.deviceGroup(value))
    }
    if devices.isEmpty, groups.isEmpty, let id = services.context.deviceGroupID {
      groups.append(try await resolver.deviceGroup(.string(id)))
    }
    guard !devices.isEmpty || !groups.isEmpty else { throw Self.nothingToFollow }
    for group in groups {
      devices += try await services.client.devices(DeviceFilter(deviceGroupID: group.id))
    }
    var seen: Set<String> = []
    devices = devices.filter { seen.insert($0.id).inserted }
    guard !devices.isEmpty else { throw Self.emptyGroups(groups) }
    return devices
  }

  /// The longest `--for`: a day.
  static let longestDuration = 86_400

  /// `--for`, checked: nil when it was not given.
  static func duration(_ arguments: Arguments) throws -> Int? {
    guard arguments.has("for") else { return nil }
    guard let seconds = arguments.integer("for"), (1...longestDuration).contains(seconds) else {
      throw CommandError(
        "command.badValue",
        "expected a number of seconds from 1 to \(longestDuration) for '--for', "
          + "found '\(arguments.string("for") ?? "")'")
    }
    return seconds
  }

  /// The values of a repeatable option, entities kept as they are.
  private static func values(_ arguments: Arguments, _ name: String) -> [Value] {
    switch arguments.identifier(name) {
    case .list(let items)?: items
    case nil, .null?: []
    case let value?: [value]
    }
  }

  private static let nothingToFollow = CommandError(
    "command.noDevices", "no devices to follow",
    help: ["Give --device or --dg, or choose a device group with 'use dg NAME'."])

  private static func emptyGroups(_ groups: [DeviceGroup]) -> CommandError {
    let names = groups.map { "'\($0.name)'" }.joined(separator: ", ")
    let subject = groups.count == 1 ? "device group \(names) has" : "device groups \(names) have"
    return CommandError(
      "command.noDevices", "\(subject) no devices to follow",
      help: ["Assign devices to the group with 'device assign', or name devices with --device."])
  }
}
