import Foundation
import ImpCentral
import ImpCentralSandbox
import ImptCommands
import ImptLanguage
import ImptShell

/// Benchmarks of the HTTP path: a sandbox served in this process over loopback.
enum HTTPBenchmarks {
  /// `http-list [COUNT]`: lists COUNT (10,000) devices through the typed client over
  /// HTTP; prints the seconds, the requests and the peak resident memory.
  static func list(_ arguments: [String]) async throws {
    let count = arguments.first.flatMap { Int($0) } ?? 10_000
    let sandbox = try Sandbox()
    _ = try sandbox.addDevices(count: count)
    let server = SandboxHTTPServer(responder: sandbox)
    try server.start()
    defer { server.stop() }
    let client = ImpCentralClient(transport: HTTPTransport(baseURL: server.baseURL))
    let account = SandboxAccounts.standard
    _ = try await client.login(id: account.username, password: Secret(account.password))
    server.requests.reset()

    let started = ContinuousClock.now
    let devices = try await client.devices()
    let seconds = BenchFigures.seconds(since: started)
    guard devices.count == count else {
      throw BenchFailure("listed \(devices.count) devices, expected \(count)")
    }
    print(
      "http-list: \(count) devices in \(BenchFigures.format(seconds)) s over "
        + "\(server.requests.total) requests; peak RSS \(BenchFigures.peakMegabytes()) MiB")
  }

  /// `http-guide [SCRIPT] [--verbose]`: runs the production guide (by default
  /// `scripts/production-guide.imptsh`) in a session over HTTP; prints the commands run,
  /// the HTTP requests beside them, the busiest request templates and the wall time.
  /// `--verbose` lists each command with the operations it sent.
  static func guide(_ arguments: [String]) async throws {
    let verbose = arguments.contains("--verbose")
    let path = arguments.first { !$0.hasPrefix("--") } ?? "scripts/production-guide.imptsh"
    guard let data = FileManager.default.contents(atPath: path) else {
      throw BenchFailure("cannot read '\(path)'; run from the package root or pass the script")
    }
    let tally = CommandTally()
    let served = try await ServedShell.start(
      catalogue: tally.wrap(CommandCatalogue.standard), observer: tally.observe)
    defer { served.stop() }
    served.server.requests.reset()
    let runner = ShellRunner(session: served.shell.session, scriptName: path)

    let started = ContinuousClock.now
    let outcome = await runner.run(String(decoding: data, as: UTF8.self), file: path)
    let seconds = BenchFigures.seconds(since: started)
    if outcome.status != 0 { print(served.shell.output.standardError) }
    report(served.server.requests, tally, seconds, outcome.status, verbose: verbose)
  }

  private static func report(
    _ requests: RequestCounter, _ tally: CommandTally, _ seconds: Double, _ status: Int32,
    verbose: Bool
  ) {
    let commands = tally.commands
    let perCommand = Double(requests.total) / Double(max(1, commands.count))
    print(
      "http-guide: exit \(status); \(commands.count) commands, \(requests.total) HTTP "
        + "requests (\(BenchFigures.format(perCommand)) a command) in "
        + "\(BenchFigures.format(seconds)) s")
    let top = requests.byTemplate.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(10)
    for (template, count) in top { print(String(format: "  %5d  %@", count, template)) }
    guard verbose else { return }
    for command in commands {
      print("\(command.requestsSent)  \(command.name)")
      for event in command.events {
        let request = event.operation.request
        print(
          "      \(event.requestsSent)x \(request.method.rawValue) \(request.pathAndQuery)  "
            + event.operation.summary)
      }
    }
  }
}

/// A benchmark that could not measure what it set out to.
struct BenchFailure: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) { self.description = description }
}
