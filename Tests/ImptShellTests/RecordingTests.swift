import Foundation
import ImptCommands
import ImptShell
import Testing

@Suite struct RecordingTests {
  private func temporaryFolder() throws -> String {
    let folder = NSTemporaryDirectory() + "imptsh-record-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  /// A session at the prompt in `folder`, answering every question with `answer`.
  private func prompt(
    in folder: String, answer: Bool = true, environment: [String: String] = [:]
  ) async throws -> ScriptedShell {
    try await ScriptedShell.onSandbox(
      interaction: Answering(yes: answer), workingFolder: folder, interactive: true,
      environment: environment)
  }

  /// Runs `lines` one entry each, recording them to `name`; returns the script.
  private func record(
    _ lines: [String], to name: String, in folder: String, shell: ScriptedShell
  ) async throws -> String {
    await shell.run("record start \(name)")
    for line in lines { await shell.run(line) }
    await shell.run("record stop")
    return try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
  }

  @Test func aRecordingReplaysToTheSameStateOnAFreshSandbox() async throws {
    let folder = try temporaryFolder()
    let shell = try await prompt(in: folder)
    let script = try await record(
      [
        "product create --name MyProduct --descr \"Thermostat\"",
        "dg create --name MyDevDG --product MyProduct",
        "dg create --name Typo --nmae oops",
        "use dg MyDevDG",
        "dg update --descr \"application development\"",
      ], to: "setup.imptsh", in: folder, shell: shell)
    await shell.run("product create --name NotRecorded")
    #expect(!script.contains("Typo"), "a failed line was recorded")
    #expect(!script.contains("NotRecorded") && !script.contains("record "), "\(script)")

    let replay = try await ScriptedShell.onSandbox(workingFolder: folder)
    let outcome = await replay.run(script, file: folder + "/setup.imptsh")
    #expect(outcome.status == 0)
    let original = await shell.capture("dg list --product MyProduct --output json")
    let copy = await replay.capture("dg list --product MyProduct --output json")
    #expect(Self.withoutIDs(original.out) == Self.withoutIDs(copy.out))
  }

  @Test func aDestructiveCommandConfirmedAtThePromptReplaysUnattended() async throws {
    let folder = try temporaryFolder()
    let shell = try await prompt(in: folder)
    let script = try await record(
      [
        "product create --name P; dg create --name D --product P",
        "sandbox device add --count 2 --name r",
        "device assign --device r-1 --dg D",
        "device list --dg D | device restart",
        "device assign --device r-2 --dg D -q",
        "device restart --device r-2",
      ], to: "restart.imptsh", in: folder, shell: shell)
    #expect(script.contains("\ndevice assign --device r-1 --dg D --confirmed\n"), "\(script)")
    #expect(script.contains("\ndevice list --dg D | device restart --confirmed\n"), "\(script)")
    #expect(script.contains("\ndevice assign --device r-2 --dg D -q\n"), "\(script)")
    #expect(script.contains("\ndevice restart --device r-2 --confirmed\n"), "\(script)")

    let replay = try await ScriptedShell.onSandbox(workingFolder: folder)
    let outcome = await replay.run(script, file: folder + "/restart.imptsh")
    #expect(outcome.status == 0, "\(replay.output.standardError)")
  }

  @Test func loginsAndLogoutsAreLeftOutOfRecordings() async throws {
    let folder = try temporaryFolder()
    let shell = try await prompt(in: folder)
    let script = try await record(
      [
        "auth login --user sandbox --pwd sandbox",
        "product create --name P1; auth logout; auth login -u sandbox -w sandbox; product list",
      ], to: "login.imptsh", in: folder, shell: shell)
    #expect(!script.contains("auth"), "\(script)")
    #expect(!script.contains("--pwd") && !script.contains("-w"), "\(script)")
    #expect(script.contains("product create --name P1; product list"), "\(script)")
  }

  @Test func aSecretWrittenOutIsReadFromTheEnvironmentOnReplay() async throws {
    let folder = try temporaryFolder()
    let shell = try await prompt(in: folder)
    let script = try await record(
      ["loginkey create --pwd sandbox --descr ci"], to: "key.imptsh", in: folder, shell: shell)
    #expect(script.contains("loginkey create --pwd $env.IMPTSH_PWD --descr ci"), "\(script)")
    #expect(script.contains("#   IMPTSH_PWD"), "the header should name the variable: \(script)")
    #expect(!script.contains("sandbox --descr"))
    #expect(shell.output.standardError.contains("set IMPTSH_PWD in the environment"))

    let replay = try await ScriptedShell.onSandbox(environment: ["IMPTSH_PWD": "sandbox"])
    let outcome = await replay.run(script, file: folder + "/key.imptsh")
    #expect(outcome.status == 0, "\(replay.output.standardError)")
    #expect(await replay.capture("loginkey list | count").out == "1\n")
  }

  @Test func textALaterSecretOptionReadsFromAVariableIsReplacedToo() async throws {
    let folder = try temporaryFolder()
    let shell = try await prompt(in: folder)
    let script = try await record(
      [
        #"let pw = "sandbox""#,
        "loginkey create --pwd $pw --descr one",
        #"let other = "sandbox"; loginkey create --pwd $other --descr two"#,
      ], to: "let.imptsh", in: folder, shell: shell)
    #expect(script.contains("let pw = $env.IMPTSH_PWD\n"), "\(script)")
    #expect(script.contains("let other = $env.IMPTSH_PWD;"), "\(script)")
    #expect(script.contains("loginkey create --pwd $pw --descr one"), "\(script)")
    #expect(!script.contains(#""sandbox""#), "\(script)")
  }

  @Test func aSecretGivenAsAComputedVariableStaysAsWritten() async throws {
    let folder = try temporaryFolder()
    let shell = try await prompt(in: folder)
    let script = try await record(
      ["let pw = (auth info | get username)", "loginkey create --pwd $pw"],
      to: "var.imptsh", in: folder, shell: shell)
    #expect(script.contains("let pw = (auth info | get username)\n"), "\(script)")
    #expect(script.contains("loginkey create --pwd $pw --confirmed") == false)
    #expect(script.contains("loginkey create --pwd $pw\n"), "\(script)")
    #expect(!script.contains("IMPTSH_"), "\(script)")
  }

  @Test func theHeaderUsesTheProductAndGroupByName() async throws {
    let folder = try temporaryFolder()
    let shell = try await prompt(in: folder)
    await shell.run(#"product create --name "My Product""#)
    await shell.run(#"dg create --name MyDevDG --product "My Product"; use dg MyDevDG"#)
    let script = try await record(
      [#"dg update --descr "from the header""#], to: "ctx.imptsh", in: folder, shell: shell)
    #expect(script.contains("use product \"My Product\"\nuse dg MyDevDG\n"), "\(script)")

    let replay = try await ScriptedShell.onSandbox(workingFolder: folder)
    await replay.run(#"product create --name "My Product"; use product "My Product""#)
    await replay.run("dg create --name MyDevDG; use none")
    let outcome = await replay.run(script, file: folder + "/ctx.imptsh")
    #expect(outcome.status == 0, "\(replay.output.standardError)")
    let descr = await replay.capture("dg info --dg MyDevDG | get description")
    #expect(descr.out == "from the header\n")
  }

  @Test func recordStartRefusesAFileThatExists() async throws {
    let folder = try temporaryFolder()
    try "# mine\n".write(toFile: folder + "/old.imptsh", atomically: true, encoding: .utf8)
    let shell = try await prompt(in: folder)
    let result = await shell.capture("record start old.imptsh")
    #expect(result.status == 1)
    #expect(result.err.contains("'old.imptsh' already exists"), "\(result.err)")
    #expect(result.err.contains("help: Choose another file name"))
    let kept = try String(contentsOfFile: folder + "/old.imptsh", encoding: .utf8)
    #expect(kept == "# mine\n")
  }

  @Test func aSecondRecordStartRefusesAndKeepsTheFirstRecording() async throws {
    let folder = try temporaryFolder()
    let shell = try await prompt(in: folder)
    await shell.run("record start first.imptsh")
    await shell.run("product create --name Kept")
    let second = await shell.capture("record start second.imptsh")
    #expect(second.status == 1)
    #expect(second.err.contains("already recording to"), "\(second.err)")
    await shell.run("record stop")
    let first = try String(contentsOfFile: folder + "/first.imptsh", encoding: .utf8)
    #expect(first.contains("product create --name Kept"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/second.imptsh"))
  }

  @Test func recordStartRefusesOutsideTheInteractivePrompt() async throws {
    let folder = try temporaryFolder()
    let script = try await ScriptedShell.onSandbox(workingFolder: folder, interactive: false)
    let result = await script.capture("record start s.imptsh; product create --name P")
    #expect(result.status == 1)
    #expect(result.err.contains("recording works only at the interactive prompt"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/s.imptsh"))
  }

  @Test func endingTheSessionWritesARecordingStillRunning() async throws {
    let folder = try temporaryFolder()
    let shell = try await prompt(in: folder)
    await shell.run("record start open.imptsh")
    await shell.run("product create --name Unstopped")
    shell.session.end()
    let script = try String(contentsOfFile: folder + "/open.imptsh", encoding: .utf8)
    #expect(script.contains("product create --name Unstopped"), "\(script)")
  }

  private static func withoutIDs(_ json: String) -> String {
    json.split(separator: "\n")
      .filter { line in
        !["\"id\"", "_at\"", "\"product\"", "\"owner\"", "\"creator\""]
          .contains { line.contains($0) }
      }
      .joined(separator: "\n")
  }
}

/// A person at the terminal who answers every question the same way.
struct Answering: Interaction {
  var yes: Bool

  var isInteractive: Bool { true }
  func confirm(summary: [String], question: String) async -> Bool { yes }
  func readSecret(prompt: String) async -> String? { nil }
  func readLine(prompt: String) async -> String? { nil }
}
