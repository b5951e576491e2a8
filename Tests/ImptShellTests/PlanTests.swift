import Foundation
import ImpCentral
import ImptShell
import Testing

@Suite struct PlanTests {
  @Test func explainShowsTheOperationsAndChangesNothing() async throws {
    let shell = try await ScriptedShell.onSandbox()
    await shell.run("product create --name MyProduct")
    let result = await shell.capture(
      "explain dg create --name MyDevDG --product MyProduct")
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("plan of 'dg create'"))
    #expect(result.out.contains("would  POST /devicegroups"))
    #expect(result.out.contains("read   GET /products"))
    let groups = await shell.capture("dg list --output minimal")
    #expect(groups.out.isEmpty, "explain created a group: \(groups.out)")
  }

  @Test func aDryRunRunsReadsPrintsWritesAndLeavesTheSandboxAsItWas() async throws {
    let folder = NSTemporaryDirectory() + "imptsh-plan-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/sandbox.sqlite"
    let setup = try await ScriptedShell.onSandbox(path: path)
    await setup.run("product create --name MyProduct")

    let dry = try await ScriptedShell.onSandbox(path: path, dryRun: true)
    let result = await dry.capture(
      """
      dg create --name MyDevDG --product MyProduct
      product update --product MyProduct --descr "changed"
      product list
      """)
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("would  POST /devicegroups"))
    #expect(result.out.contains("would  PATCH /products/"))
    #expect(result.out.contains("MyProduct"))

    let check = try await ScriptedShell.onSandbox(path: path)
    #expect(await check.capture("dg list --output minimal").out.isEmpty)
    let product = await check.capture("product info --product MyProduct --output json")
    #expect(!product.out.contains("changed"))
  }
}
