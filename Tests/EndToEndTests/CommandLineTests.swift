import Foundation
import Testing

/// The `imptsh` program as people start it: options, exit statuses, piped input, scripts
/// with a `#!` line, and a working folder's `.impt.project`.
@Suite struct CommandLineTests {
  @Test func linesPipedOnStandardInputRunWithoutPromptsAndTheWorstStatusWins() async throws {
    let home = try TestHome()
    defer { home.remove() }
    let input = """
      product create --name Piped
      product list --output minimal
      product crate --name Typo
      product list | get name | json

      """
    let result = try await home.run(["--sandbox", ":memory:"], input: input)
    #expect(result.status == 2, "\(result)")
    #expect(!result.out.contains(">"), "piped input should get no prompt: \(result.out)")
    #expect(result.out.contains("\"Piped\""), "\(result)")
    #expect(result.err.contains("<stdin>:3:9: error: unknown command 'product crate'"))
    #expect(result.err.contains("did you mean 'product create'?"), "\(result.err)")
  }

  @Test func anExecutableScriptWithAShebangLineRunsWithItsArguments() async throws {
    let home = try TestHome()
    defer { home.remove() }
    let script = home.workingFolder + "/hello.imptsh"
    try """
    #!/usr/bin/env imptsh
    product create --name "$1"
    product list | get name | json
    echo "made $1 from $script_dir"

    """.write(toFile: script, atomically: true, encoding: .utf8)
    chmod(script, 0o755)
    let folder = (try ImptshBinary.path() as NSString).deletingLastPathComponent
    let path = folder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    let child = ChildProcess(
      script, ["Shebang"],
      environment: home.environment(["PATH": path, "IMPTSH_SANDBOX": ":memory:"]),
      folder: home.workingFolder)
    try child.start()
    let status = try await child.wait(seconds: 60)
    #expect(status == 0, "\(child.standardError)")
    #expect(child.standardOutput.contains("\"Shebang\""))
    #expect(child.standardOutput.contains("made Shebang from \(home.workingFolder)"))
  }

  @Test func checkFindsEveryMistakeWithItsPlaceAndCallsNothing() async throws {
    let home = try TestHome()
    defer { home.remove() }
    let script = home.workingFolder + "/broken.imptsh"
    try """
    product create --nmae X
    dg create --name G --dg-type prodution
    echo "$undefined"

    """.write(toFile: script, atomically: true, encoding: .utf8)
    let unreachable = ["--endpoint", "http://127.0.0.1:9/v5"]
    let broken = try await home.run(unreachable + ["--check", script])
    #expect(broken.status == 2)
    #expect(broken.err.contains("broken.imptsh:1:16: error: unknown option '--nmae'"))
    #expect(broken.err.contains("broken.imptsh:2:30: error:"), "\(broken.err)")
    #expect(broken.err.contains("broken.imptsh:3:7: error: unknown variable '$undefined'"))

    try "product list\n".write(toFile: script, atomically: true, encoding: .utf8)
    let fine = try await home.run(unreachable + ["--check", script])
    #expect(fine.status == 0, "\(fine)")
  }

  @Test func aScriptWithoutATerminalRefusesAnUnconfirmedDeletionBeforeAnythingRuns()
    async throws
  {
    let home = try TestHome()
    defer { home.remove() }
    let script = home.workingFolder + "/clean.imptsh"
    try "product create --name Kept\nproduct delete --product Kept\n"
      .write(toFile: script, atomically: true, encoding: .utf8)
    let sandbox = ["--sandbox", home.root + "/clean.db"]
    let message =
      "2:1: error: 'product delete' asks for confirmation and nothing can answer it here"

    let checked = try await home.run(sandbox + ["--check", script])
    #expect(checked.status == 2, "\(checked)")
    #expect(checked.err.contains(message), "\(checked)")
    let ran = try await home.run(sandbox + [script])
    #expect(ran.status == 2, "\(ran)")
    #expect(ran.err.contains(message), "\(ran)")
    #expect(ran.err.contains("help: Add --confirmed."))
    let products = try await home.run(sandbox + ["-c", "product list --output json"])
    #expect(products.out.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
  }

  @Test func aRuntimeFailureExitsOneWithThePlaceOfTheCommand() async throws {
    let home = try TestHome()
    defer { home.remove() }
    let result = try await home.run(
      [
        "--sandbox", ":memory:", "-c",
        "product create --name A\nproduct delete --product B --confirmed",
      ])
    #expect(result.status == 1)
    #expect(result.err.contains("<command line>:2:1: error: product 'B' was not found"))
  }

  @Test func theProjectFileOfTheWorkingFolderSetsTheStartingDeviceGroup() async throws {
    let home = try TestHome()
    defer { home.remove() }
    let sandbox = ["--sandbox", home.root + "/sandbox.sqlite"]
    let made = try await home.run(
      sandbox + ["-c", "product create --name P; dg create --name G --product P --output minimal"])
    let id = made.out.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(made.status == 0 && !id.isEmpty, "\(made)")
    let project =
      #"{"deviceGroupId": "\#(id)", "deviceFile": "device.nut", "agentFile": "agent.nut"}"#
    try project.write(
      toFile: home.workingFolder + "/.impt.project", atomically: true, encoding: .utf8)

    let used = try await home.run(sandbox + ["-c", "use; dg info | get name"])
    #expect(used.status == 0, "\(used)")
    #expect(used.out.contains("G (\(id))"))
    #expect(used.out.hasSuffix("G\n"))

    try #"{"deviceGroupId": "gone"}"#.write(
      toFile: home.workingFolder + "/.impt.project", atomically: true, encoding: .utf8)
    let stale = try await home.run(sandbox + ["-c", "use"])
    #expect(stale.status == 0)
    #expect(stale.err.contains("ignoring .impt.project"))
  }

  @Test func versionHelpAndUnknownOptions() async throws {
    let home = try TestHome()
    defer { home.remove() }
    let version = try await home.run(["--version"])
    #expect(version.status == 0 && version.out.hasPrefix("imptsh "))
    let help = try await home.run(["--help"])
    #expect(help.status == 0 && help.out.contains("usage: imptsh"))
    let unknown = try await home.run(["--frobnicate"])
    #expect(unknown.status == 2)
    #expect(unknown.err.contains("unknown option '--frobnicate'"))
  }
}
