import Foundation
import ImpCentral
import ImpCentralSandbox
import Testing

/// A saved login decides where later sessions go; when its endpoint is gone, imptsh says
/// so and how to get back to the sandbox.
@Suite(.timeLimit(.minutes(2)))
struct SavedLoginTests {
  /// Logs in to a sandbox served in this process, as a trainer's class would, then
  /// takes the server away.
  private func loginToAServerThatGoes(_ home: TestHome) async throws -> (RunResult, String) {
    let sandbox = try Sandbox(path: ":memory:", deliverer: NoWebhookDeliverer())
    let server = SandboxHTTPServer(responder: sandbox, admin: SandboxAdminAPI(sandbox: sandbox))
    try server.start()
    let url = server.baseURL.absoluteString
    let login = try await home.run(
      ["--endpoint", url, "-c", "auth login --user sandbox --pwd sandbox"])
    server.stop()
    return (login, url)
  }

  @Test func theLoginNoteSaysLaterSessionsStartThere() async throws {
    let home = try TestHome()
    defer { home.remove() }
    let (login, _) = try await loginToAServerThatGoes(home)
    #expect(login.status == 0, "\(login)")
    #expect(login.err.contains("later sessions start there too until 'auth logout'"), "\(login)")
  }

  @Test func anUnreachableSavedLoginSaysWhereItPointsAndHowToLeave() async throws {
    let home = try TestHome()
    defer { home.remove() }
    let (_, url) = try await loginToAServerThatGoes(home)

    let result = try await home.run(["-c", "product list"])
    #expect(result.status == 1, "\(result)")
    let help =
      "help: imptsh is using the login saved in \(home.imptshAuthPath) for \(url); "
      + "'auth logout' forgets it and 'imptsh --sandbox PATH' uses a sandbox instead."
    #expect(result.err.contains(help), "\(result)")
  }

  @Test func loggingOutOfTheSessionsLoginMovesItToTheDefaultSandbox() async throws {
    let home = try TestHome()
    defer { home.remove() }
    _ = try await loginToAServerThatGoes(home)

    let result = try await home.run(["-c", "auth logout; product create --name Here; auth info"])
    #expect(result.status == 0, "\(result)")
    #expect(result.err.contains("the session now uses the default sandbox at"), "\(result)")
    #expect(result.out.contains("in-process sandbox"), "\(result)")
    #expect(!FileManager.default.fileExists(atPath: home.imptshAuthPath))
  }
}
