import ImpCentral
import ImptLanguage

/// The `sandbox` commands that act on one device: what its end user and its code do.
extension SandboxCommands {
  static let blinkup = CommandSpec(
    group: "sandbox", verb: "blinkup", summary: "activate a blessed device as its end user would",
    details: """
      The device comes online, gets its agent and its production code, and the blinkup \
      webhooks of its production group fire.
      """,
    options: [Opt.device()],
    examples: [
      CommandExample(
        "sandbox factory run --dg MyFactoryDG --count 2 | sandbox blinkup",
        "make two devices and hand them to their users", setup: SandboxExamples.factory)
    ],
    effect: .write, result: .entity(.device), pipeOption: "device", availability: .sandboxOnly,
    action: Action.run { arguments, services in
      let support = try SandboxSupport(services, arguments)
      let device = try await support.device(arguments)
      try await support.control.blinkup(deviceID: device.id)
      services.note("\(describe(device)) is activated and online")
      return try await support.refreshed(device)
    })

  static let log = CommandSpec(
    group: "sandbox", verb: "log", summary: "make a device log a line",
    details: """
      The line reaches the device's historical log and every log stream following it. \
      Types: \(SandboxOptions.logTypes.joined(separator: ", ")).
      """,
    options: [
      Opt.device(),
      OptionSpec(
        "text", requirement: .required, placeholder: "TEXT", summary: "what the device logs"),
      OptionSpec(
        "type", kind: .choice(SandboxOptions.logTypes), placeholder: "TYPE",
        summary: "the log type (default server.log)"),
    ],
    examples: [
      CommandExample(
        #"sandbox log --device fixture-1 "temperature 21.5""#, "a line of device output",
        setup: SandboxExamples.device),
      CommandExample(
        #"sandbox log --device fixture-1 --type agent.error --text "ERROR: timeout""#,
        "an agent error", setup: SandboxExamples.device),
    ],
    effect: .write, result: .record, pipeOption: "device", positionalOption: "text",
    availability: .sandboxOnly,
    action: Action.run { arguments, services in
      let support = try SandboxSupport(services, arguments)
      let device = try await support.device(arguments)
      let type = arguments.string("type") ?? "server.log"
      let text = try arguments.required("text")
      try await support.control.emitLog(deviceID: device.id, text: text, type: type)
      return .record(
        Record([("device", .string(device.id)), ("type", .string(type)), ("msg", .string(text))]))
    })

  /// `sandbox online`.
  static let online = connection(online: true)
  /// `sandbox offline`.
  static let offline = connection(online: false)

  /// `sandbox online` or `sandbox offline`.
  private static func connection(online: Bool) -> CommandSpec {
    let verb = online ? "online" : "offline"
    return CommandSpec(
      group: "sandbox", verb: verb,
      summary: online ? "bring a device online" : "take a device offline",
      details: online ? "A device that comes online loads its group's current build." : "",
      options: [Opt.device()],
      examples: [
        CommandExample(
          "sandbox \(verb) --device fixture-1", online ? "reconnect a device" : "unplug a device",
          setup: SandboxExamples.device + (online ? ["sandbox offline --device fixture-1"] : []))
      ],
      effect: .write, result: .entity(.device), pipeOption: "device",
      availability: .sandboxOnly,
      action: Action.run { arguments, services in
        let support = try SandboxSupport(services, arguments)
        let device = try await support.device(arguments)
        try await support.control.setOnline(deviceID: device.id, online)
        services.note("\(describe(device)) is \(verb)")
        return try await support.refreshed(device)
      })
  }

  private static func describe(_ device: Device) -> String {
    "device " + DeletePlan.describe(device)
  }
}

/// Options the `sandbox` commands share.
enum SandboxOptions {
  /// `--count N`: how many devices to make.
  static let count = OptionSpec(
    "count", short: "c", kind: .integer(minimum: 1), placeholder: "N",
    summary: "how many devices (default 1)")

  /// The log types a device can write.
  static let logTypes = [
    "server.log", "server.error", "server.sleep", "agent.log", "agent.error", "status",
    "powerstate", "lastexitcode", "firmware", "IDE.log",
  ]
}

/// Setup lines the `sandbox` examples share, each for a fresh sandbox.
enum SandboxExamples {
  /// One device, `fixture-1`.
  static let device = ["sandbox device add --count 1 --name fixture"]

  /// A product with a factory line ready to run: targets, a blessing webhook, a fixture
  /// device and factory code.
  static let factory = [
    "product create --name MyProduct",
    "dg create --name MyProductionDG --dg-type production --product MyProduct",
    "dg create --name MyDutDG --dg-type dut --product MyProduct",
    "dg create --name MyFactoryDG --dg-type factory --product MyProduct "
      + "--target MyProductionDG --dut MyDutDG",
    "webhook create --dg MyProductionDG --url https://example.com/blessed --event blessing "
      + "--mime json",
    "webhook create --dg MyProductionDG --url https://example.com/activated --event blinkup "
      + "--mime urlencoded",
    "sandbox device add --count 1 --name fixture",
    "device assign --device fixture-1 --dg MyFactoryDG --confirmed",
    "build deploy --dg MyFactoryDG",
  ]
}
