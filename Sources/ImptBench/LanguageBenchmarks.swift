import Foundation
import ImpCentral
import ImptLanguage
import Synchronization

/// Benchmarks of the language: parsing and checking a long script, and pipes over a large
/// list of devices.
enum LanguageBenchmarks {
  /// Parses and checks a generated script of `lines` lines (default 10,000); target under
  /// 100 ms. Reports the best of 15 runs, in wall time and in the thread's CPU time.
  static func parseAndCheck(_ arguments: [String]) async throws {
    let lines = arguments.first.flatMap(Int.init) ?? 10_000
    let script = generatedScript(lines: lines)
    var best = (parse: Duration.seconds(60), check: Duration.seconds(60))
    var cpu = (parse: Duration.seconds(60), check: Duration.seconds(60))
    var diagnostics = 0
    for _ in 0..<15 {
      let clock = ContinuousClock()
      let (start, startCPU) = (clock.now, threadCPUTime())
      let parsed = Parser.parse(script, file: "bench.imptsh")
      let (parsedAt, parsedCPU) = (clock.now, threadCPUTime())
      let checked = Checker.check(parsed.script, catalogue: catalogue)
      let (checkedAt, checkedCPU) = (clock.now, threadCPUTime())
      diagnostics = parsed.diagnostics.count + checked.diagnostics.count
      best = (min(best.parse, parsedAt - start), min(best.check, checkedAt - parsedAt))
      cpu = (min(cpu.parse, parsedCPU - startCPU), min(cpu.check, checkedCPU - parsedCPU))
      // Freeing the trees is not part of parsing or checking; it happens after timing.
      withExtendedLifetime((parsed, checked)) {}
    }
    print("language-check: \(lines) lines, \(script.utf8.count) bytes, \(diagnostics) diagnostics")
    print("  best of 15    wall      cpu")
    print("  parse  \(milliseconds(best.parse)) ms  \(milliseconds(cpu.parse)) ms")
    print("  check  \(milliseconds(best.check)) ms  \(milliseconds(cpu.check)) ms")
    print(
      "  total  \(milliseconds(best.parse + best.check)) ms  "
        + "\(milliseconds(cpu.parse + cpu.check)) ms (target < 100 ms)")
    print("  peak RSS \(peakMegabytes()) MB")
  }

  /// Runs `where`, `sort` and `count` over `count` devices (default 100,000); target under
  /// 0.5 s and 300 MB peak.
  static func pipes(_ arguments: [String]) async throws {
    let count = arguments.first.flatMap(Int.init) ?? 100_000
    let clock = ContinuousClock()
    let start = clock.now
    let devices = Value.list((0..<count).map { Value.entity(device($0)) })
    let built = clock.now - start
    let host = BenchHost(devices: devices)
    let interpreter = Interpreter(catalogue: catalogue, host: host, environment: [:])
    _ = await interpreter.run("let d = device list", file: "bench")
    print("language-pipes: \(count) devices (built in \(milliseconds(built)) ms)")
    var total = Duration.zero
    for (name, line) in [
      ("where", "$d | where online and rssi > -60 | count"),
      ("sort", "$d | sort -r rssi | first | get id"),
      ("count", "$d | count"),
      ("pipeline", "$d | where name =~ \"7$\" | sort name | select id name mac | count"),
    ] {
      let before = clock.now
      let outcome = await interpreter.run(line, file: "bench")
      let took = clock.now - before
      if name != "pipeline" { total += took }
      let shown = host.lastShown.withLock { $0 }
      let label = name.padding(toLength: 9, withPad: " ", startingAt: 0)
      print("  \(label)\(milliseconds(took)) ms -> \(shown) (status \(outcome.status))")
      if name == "count" {
        print("  where+sort+count \(milliseconds(total)) ms (target < 500 ms)")
      }
    }
    print("  peak RSS \(peakMegabytes()) MB (target < 300 MB)")
  }

  private static func device(_ index: Int) -> Entity {
    let hex = String(index, radix: 16)
    let padded = String(repeating: "0", count: max(0, 6 - hex.count)) + hex
    let resource = ResourceObject(
      type: "device", id: "dev\(index)",
      attributes: [
        "name": .string("device-\(index)"), "mac_address": .string("0c:2a:69:\(padded)"),
        "device_online": .bool(index % 3 != 0), "rssi": .number(Double(-30 - index % 60)),
        "agent_id": .string("agent\(index)"), "imp_type": "imp005", "free_memory": 120,
      ],
      relationships: [
        "devicegroup": ResourceRef(type: "production_devicegroup", id: "g\(index % 50)")
      ])
    return Entity(resource: resource)
      ?? Entity(kind: .device, id: "", fields: Record(), resource: resource)
  }

  private static func generatedScript(lines: Int) -> String {
    var text: [String] = []
    var index = 0
    while text.count < lines {
      let i = index
      text += [
        "product create --name P\(i) --descr \"Product \(i)\"",
        "dg create --name G\(i) --dg-type production --product P\(i)",
        "let g\(i) = dg info --dg G\(i)",
        "device list --dg $g\(i) | where online and rssi > -60 | sort -r rssi"
          + " | select id name mac | first 5",
        "if $g\(i).name =~ \"^G\" { dg restart --dg $g\(i) --confirmed }"
          + " else { echo \"skip $g\(i).id\" }",
        "echo \"group ${g\(i).name} has ${ device list --dg G\(i) | count } devices\"  # a comment",
      ]
      index += 1
    }
    return text.prefix(lines).joined(separator: "\n")
  }

  private static let catalogue: Catalogue = {
    let action: CommandAction = { invocation, context in
      (context as? BenchContext)?.devices ?? .null
    }
    func option(
      _ name: String, _ kind: OptionKind = .text(), _ requirement: Requirement = .optional,
      _ identifies: ResourceKind? = nil
    ) -> OptionSpec {
      OptionSpec(name, kind: kind, requirement: requirement, summary: name, identifies: identifies)
    }
    return Catalogue([
      CommandSpec(
        group: "product", verb: "create", summary: "x",
        options: [option("name", .text(), .required), option("descr", .text(allowsEmpty: true))],
        result: .entity(.product), action: action),
      CommandSpec(
        group: "dg", verb: "create", summary: "x",
        options: [
          option("name", .text(), .required),
          option("dg-type", .choice(["production", "factory"])),
          option("product", .text(), .fromContext(.product), .product),
        ], result: .entity(.deviceGroup), action: action),
      CommandSpec(
        group: "dg", verb: "info", summary: "x",
        options: [option("dg", .text(), .fromContext(.deviceGroup), .deviceGroup)],
        result: .entity(.deviceGroup), action: action),
      CommandSpec(
        group: "dg", verb: "restart", summary: "x",
        options: [
          option("dg", .text(), .fromContext(.deviceGroup), .deviceGroup),
          option("confirmed", .flag),
        ], pipeOption: "dg", action: action),
      CommandSpec(
        group: "device", verb: "list", summary: "x",
        options: [option("dg", .textList, .optional, .deviceGroup)], result: .list(.device),
        pipeOption: "dg", action: action),
    ])
  }()

  private static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    return String(format: "%6.1f", value)
  }

  /// The CPU time the current thread has used, which a busy machine does not inflate.
  static func threadCPUTime() -> Duration {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
  }

  /// The process's peak resident set, from `VmHWM` in /proc/self/status.
  static func peakMegabytes() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return "?" }
    return String(format: "%.0f", kilobytes / 1024)
  }
}

/// The command context of the benchmark: the devices `device list` returns.
private struct BenchContext: CommandContext {
  let devices: Value
}

/// A host that keeps only the last value shown.
private final class BenchHost: InterpreterHost {
  let devices: Value
  let lastShown = Mutex("")

  init(devices: Value) {
    self.devices = devices
  }

  var commandContext: any CommandContext { BenchContext(devices: devices) }
  var isSandbox: Bool { true }
  func contextSlots() -> Set<ContextSlot> { [] }
  func contextValue(_ slot: ContextSlot) -> Value? { nil }
  func use(_ request: UseRequest) async throws {}
  func readSource(_ path: String, relativeTo file: String) throws -> SourceFile {
    throw CocoaError(.fileNoSuchFile)
  }
  func show(_ value: Value, format: OutputFormat?) {
    lastShown.withLock { $0 = value.displayText }
  }
  func echo(_ text: String) {}
  func plan(_ invocation: Invocation) async throws -> Value { .null }
  func record(_ request: RecordRequest) throws {}
  func help(_ topic: HelpTopic) {}
  func checkCancellation() throws {}
}
