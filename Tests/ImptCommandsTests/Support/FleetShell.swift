import Foundation
import ImpCentral
import ImpCentralSandbox
import ImptCommands
import ImptLanguage
import ImptShell
import Testing

/// A scripted shell on a fresh sandbox for the build and device command tests: runs lines
/// and checks their status, sets up products, groups, devices and factory lines, and
/// reads the sandbox's state through the session's client after a write.
struct FleetShell {
  let shell: ScriptedShell
  /// The working folder: a new empty folder, removed when the last copy goes.
  private let lease: TemporaryFolder

  /// The working folder's path.
  var folder: String { lease.path }

  /// A fresh sandbox session working in a new temporary folder.
  static func make(interaction: any Interaction = NoInteraction()) async throws -> FleetShell {
    let lease = try TemporaryFolder()
    let shell = try await ScriptedShell.onSandbox(
      interaction: interaction, workingFolder: lease.path)
    return FleetShell(shell: shell, lease: lease)
  }

  /// The session's client, to read the sandbox's state.
  var client: ImpCentralClient { shell.session.connection.client }
  /// The sandbox, for its hardware simulation.
  var sandbox: Sandbox { shell.sandbox }

  // MARK: - Running lines

  /// Runs `line`, expecting success; returns what it printed and what it noted.
  @discardableResult
  func ok(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) async
    -> (out: String, err: String)
  {
    let result = await shell.capture(line)
    #expect(result.status == 0, "'\(line)' failed: \(result.err)", sourceLocation: sourceLocation)
    return (result.out, result.err)
  }

  /// Runs `line`, expecting it to fail with the error `id`; returns the diagnostic.
  @discardableResult
  func fails(
    _ line: String, _ id: String, sourceLocation: SourceLocation = #_sourceLocation
  ) async -> Diagnostic? {
    shell.output.reset()
    let outcome = await shell.run(line)
    let diagnostic = outcome.diagnostics.first
    #expect(outcome.status != 0, "'\(line)' succeeded", sourceLocation: sourceLocation)
    #expect(
      diagnostic?.id == id, "'\(line)' failed with \(String(describing: diagnostic))",
      sourceLocation: sourceLocation)
    return diagnostic
  }

  /// The ids a line's results have, in order, from its minimal output.
  func ids(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) async -> [String] {
    let out = await ok(line + " --output minimal", sourceLocation: sourceLocation).out
    return out.split(separator: "\n").map(String.init)
  }

  /// Waits, a few seconds at most, until the output so far passes `test`; false when
  /// it never does. For commands that run on (log streams) while the test acts.
  func waitFor(_ test: ((out: String, err: String)) -> Bool) async -> Bool {
    for _ in 0..<2_000 {
      if test((shell.output.standardOutput, shell.output.standardError)) { return true }
      try? await Task.sleep(for: .milliseconds(5))
    }
    return false
  }

  // MARK: - Fixtures

  /// Creates `MyProduct` with a development group `MyDevDG`.
  func developmentGroup() async {
    await ok("product create --name MyProduct")
    await ok("dg create --name MyDevDG --product MyProduct")
  }

  /// Adds unassigned, online devices named `PREFIX-1`, `PREFIX-2`…; returns their ids.
  @discardableResult
  func addDevices(_ count: Int, prefix: String = "fixture") throws -> [String] {
    try sandbox.addDevices(count: count, namePrefix: prefix).map(\.id)
  }

  /// Writes a file in the working folder.
  func writeFile(_ name: String, _ text: String) throws {
    try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
  }

  /// The text of a file in the working folder, if it exists.
  func readFile(_ name: String) -> String? {
    try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)
  }

  /// A factory line for `MyProduct` (production, DUT and factory groups, a fixture
  /// device and factory code) that has blessed one device; returns that device's id.
  func blessedDevice() async throws -> String {
    await ok("product create --name MyProduct")
    await ok("dg create --name MyProductionDG --dg-type production --product MyProduct")
    await ok("dg create --name MyDUTDG --dg-type dut --product MyProduct")
    await ok(
      "dg create --name MyFactoryDG --dg-type factory --product MyProduct "
        + "--target MyProductionDG --dut MyDUTDG")
    try addDevices(1, prefix: "line")
    await ok("device assign --device line-1 --dg MyFactoryDG")
    await ok("build deploy --dg MyFactoryDG")
    let factory = try await group("MyFactoryDG")
    let blessed = try sandbox.runFactory(fixtureGroup: factory.id, count: 1)
    return try #require(blessed.first?.id)
  }

  // MARK: - State

  /// The device group called `name`.
  func group(_ name: String) async throws -> DeviceGroup {
    try #require(try await client.deviceGroups().first { $0.name == name })
  }

  /// The device called `name`, or nil when it is gone.
  func device(_ name: String) async throws -> Device? {
    try await client.devices().first { $0.name == name }
  }

  /// The builds carrying `tag`.
  func builds(tagged tag: String) async throws -> [Deployment] {
    try await client.deployments(DeploymentFilter(tags: [tag]))
  }

  /// The builds of the device group called `name`.
  func builds(in name: String) async throws -> [Deployment] {
    let group = try await group(name)
    return try await client.deployments(DeploymentFilter(deviceGroupID: group.id))
  }

  /// The one build carrying `tag`.
  func build(_ tag: String) async throws -> Deployment {
    let builds = try await builds(tagged: tag)
    try #require(builds.count == 1, "expected one build tagged '\(tag)', found \(builds.count)")
    return builds[0]
  }

  /// The log messages of a device, oldest first.
  func logMessages(_ deviceID: String) async throws -> [String] {
    try await client.allDeviceLogs(id: deviceID).map(\.msg).reversed()
  }
}

/// An interaction with a terminal that answers every question the same way and
/// remembers what it was shown.
final class ScriptedAnswers: Interaction, @unchecked Sendable {
  // Safe: `asked` is only touched while holding `lock`.
  private let lock = NSLock()
  private var asked: [[String]] = []
  let answer: Bool

  /// Creates an interaction that answers `answer` to every question.
  init(answer: Bool) {
    self.answer = answer
  }

  /// The summaries shown so far, one per question.
  var summaries: [[String]] { lock.withLock { asked } }

  var isInteractive: Bool { true }

  func confirm(summary: [String], question: String) async -> Bool {
    lock.withLock { asked.append(summary) }
    return answer
  }

  func readSecret(prompt: String) async -> String? { nil }
  func readLine(prompt: String) async -> String? { nil }
}

/// A new empty folder in the temporary directory, removed with everything in it when
/// the last reference goes; a class because its lifetime is the point.
final class TemporaryFolder: Sendable {
  let path: String

  /// Creates the folder.
  init() throws {
    path = NSTemporaryDirectory() + "imptsh-fleet-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }
}
