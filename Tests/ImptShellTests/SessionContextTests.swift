import Foundation
import ImpCentral
import ImptCommands
import ImptLanguage
import Testing

@testable import ImptShell

/// The product and device group in use never outlive what they name: a delete or a
/// login as another account clears them, so the prompt and `use` show only what exists.
@Suite struct SessionContextTests {
  private func shellUsingGroup() async throws -> (ScriptedShell, SessionContext) {
    let shell = try await ScriptedShell.onSandbox()
    await shell.run("product create --name P; dg create --name D --product P; use dg D")
    return (shell, shell.session.context)
  }

  private func services(_ shell: ScriptedShell) throws -> any CommandServices {
    try #require(ShellHost(session: shell.session).commandContext as? any CommandServices)
  }

  @Test func deletingTheGroupInUseLeavesTheProduct() async throws {
    let (shell, context) = try await shellUsingGroup()
    try services(shell).entityDeleted(kind: .deviceGroup, id: try #require(context.deviceGroupID))
    #expect(shell.session.context.deviceGroupID == nil)
    #expect(shell.session.context.productID == context.productID)
    #expect(shell.session.prompt == "sandbox:memory P> ")
  }

  @Test func deletingTheProductInUseClearsTheContext() async throws {
    let (shell, context) = try await shellUsingGroup()
    try services(shell).entityDeleted(kind: .product, id: try #require(context.productID))
    #expect(shell.session.context == SessionContext())
    #expect(shell.session.prompt == "sandbox:memory> ")
  }

  @Test func deletingSomethingElseKeepsTheContext() async throws {
    let (shell, context) = try await shellUsingGroup()
    try services(shell).entityDeleted(kind: .deviceGroup, id: "another-group")
    try services(shell).entityDeleted(kind: .device, id: try #require(context.productID))
    #expect(shell.session.context == context)
  }

  @Test func aPlannedDeleteKeepsTheContext() async throws {
    let shell = try await ScriptedShell.onSandbox(dryRun: true)
    let context = SessionContext(productID: "p1", productName: "P")
    shell.session.context = context
    try services(shell).entityDeleted(kind: .product, id: "p1")
    #expect(shell.session.context == context)
  }

  @Test func loggingInToTheSandboxAsAnotherAccountClearsTheContext() async throws {
    let (shell, _) = try await shellUsingGroup()
    let result = await shell.capture(
      "auth login --user twofactor --pwd twofactor --otp 123456")
    #expect(result.status == 0, "\(result.err)")
    #expect(shell.session.context == SessionContext())
  }

  @Test func loggingInAgainAsTheSameAccountKeepsTheContext() async throws {
    let (shell, context) = try await shellUsingGroup()
    await shell.run("auth login --user sandbox --pwd sandbox")
    #expect(shell.session.context == context)
  }
}
