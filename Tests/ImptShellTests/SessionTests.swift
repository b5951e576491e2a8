import Foundation
import ImptShell
import Testing

@Suite struct SessionTests {
  @Test func usingADeviceGroupSetsItsProductAndThePrompt() async throws {
    let shell = try await ScriptedShell.onSandbox()
    await shell.run("product create --name MyProduct; dg create --name MyDevDG --product MyProduct")
    #expect(shell.session.prompt == "sandbox:memory> ")
    let result = await shell.capture("use dg MyDevDG; dg info")
    #expect(result.status == 0, "\(result.err)")
    #expect(shell.session.prompt == "sandbox:memory MyProduct/MyDevDG> ")
    #expect(result.out.contains("name:        MyDevDG"))
    await shell.run("use none")
    #expect(shell.session.prompt == "sandbox:memory> ")
  }

  @Test func usingAGroupThatDoesNotExistFailsAndKeepsTheContext() async throws {
    let shell = try await ScriptedShell.onSandbox()
    let result = await shell.capture("use dg Nowhere")
    #expect(result.status == 1)
    #expect(result.err.contains("device group 'Nowhere' was not found"))
    #expect(shell.session.context.deviceGroupID == nil)
  }

  @Test func aScriptThatDoesNotCheckMakesNoAPICall() async throws {
    let shell = try await ScriptedShell.onSandbox()
    let result = await shell.capture(
      """
      product create --name Made
      product crate --name Typo
      """)
    #expect(result.status == 2)
    #expect(result.err.contains("<test>:2:9: error:"), "\(result.err)")
    #expect(await shell.capture("product list --output minimal").out.isEmpty)
  }

  @Test func aFailingCommandStopsTheScriptWithItsPosition() async throws {
    let shell = try await ScriptedShell.onSandbox()
    let result = await shell.capture(
      """
      product create --name One
      product create --name One
      product create --name Two
      """)
    #expect(result.status == 1)
    #expect(result.err.contains("<test>:2:1: error:"), "\(result.err)")
    #expect(result.err.contains("Duplicate Resource"))
    let names = await shell.capture("product list | get name | json")
    #expect(!names.out.contains("Two"))
  }

  @Test func destructiveCommandsRefuseWithoutATerminalUnlessConfirmed() async throws {
    let shell = try await ScriptedShell.onSandbox()
    await shell.run("product create --name MyProduct")
    let refused = await shell.capture("product delete --product MyProduct")
    #expect(refused.status == 2)
    #expect(
      refused.err.contains("'product delete' asks for confirmation and nothing can answer it here"))
    #expect(refused.err.contains("help: Add --confirmed."))
    let done = await shell.capture("product delete --product MyProduct --confirmed")
    #expect(done.status == 0, "\(done.err)")
    #expect(done.err.contains("deleted product 'MyProduct'"))
  }

  @Test func scriptDirIsTheFolderOfTheFileThatUsesIt() async throws {
    let shell = try await ScriptedShell.onSandbox()
    await shell.run("echo $script_dir", file: "/srv/release/setup.imptsh")
    #expect(shell.output.standardOutput == "/srv/release\n")
    shell.output.reset()
    await shell.run("echo $script_dir", file: "<stdin>")
    #expect(shell.output.standardOutput == FileManager.default.currentDirectoryPath + "\n")
  }

  @Test func sleepWaitsAndRefusesWhatIsNotANumberOfSeconds() async throws {
    let shell = try await ScriptedShell.onSandbox()
    #expect(await shell.capture("sleep 0.05; echo awake").out == "awake\n")
    let bad = await shell.capture("sleep soon")
    #expect(bad.status == 2)
    #expect(bad.err.contains("expected a number of seconds from 0 to 3600, found 'soon'"))
  }
}
