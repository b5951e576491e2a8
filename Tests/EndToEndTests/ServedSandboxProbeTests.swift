import Foundation
import ImpCentral
import ImpCentralSandbox
import Testing

@testable import ImptShell

/// How a session finds out that its endpoint is `imptsh --serve`, and what it then allows.
@Suite struct ServedSandboxProbeTests {
  @Test(
    "only this machine and hosts named in IMPTSH_SANDBOX_HOSTS are asked",
    arguments: [
      ("http://127.0.0.1:8421/v5", "", true),
      ("http://localhost:8421/v5", "", true),
      ("http://[::1]:8421/v5", "", true),
      ("https://api.electricimp.com/v5", "", false),
      ("https://api.electricimp.com/v5", "trainer.local", false),
      ("http://trainer.local:8421/v5", "trainer.local, 10.0.0.5", true),
      ("http://10.0.0.5:8421/v5", "trainer.local,10.0.0.5", true),
      ("http://10.0.0.6:8421/v5", "trainer.local,10.0.0.5", false),
    ])
  func onlyLocalOrNamedHostsAreAsked(endpoint: String, hosts: String, asked: Bool) throws {
    let url = try #require(URL(string: endpoint))
    let named = ServedSandbox.hosts(in: ["IMPTSH_SANDBOX_HOSTS": hosts])
    #expect(ServedSandbox.mayAsk(url, hosts: named) == asked)
  }

  @Test(
    "the admin API sits next to the API's /v5",
    arguments: [
      ("http://127.0.0.1:8421/v5", "http://127.0.0.1:8421/sandbox/v1"),
      ("http://127.0.0.1:8421/v5/", "http://127.0.0.1:8421/sandbox/v1"),
      ("http://trainer.local/imptsh/v5", "http://trainer.local/imptsh/sandbox/v1"),
    ])
  func adminURLSitsNextToTheAPI(endpoint: String, admin: String) throws {
    let url = try #require(URL(string: endpoint))
    #expect(ServedSandbox.adminURL(for: url)?.absoluteString == admin)
  }

  @Test func aServedSandboxIsRecognisedAndAPlainServerIsNot() async throws {
    let sandbox = try Sandbox()
    let served = SandboxHTTPServer(responder: sandbox, admin: SandboxAdminAPI(sandbox: sandbox))
    let plain = SandboxHTTPServer(responder: sandbox)
    try served.start()
    defer { served.stop() }
    try plain.start()
    defer { plain.stop() }

    let found = await ServedSandbox.probe(served.baseURL, hosts: [], logger: .disabled)
    #expect(found?.absoluteString == "http://127.0.0.1:\(served.port)/sandbox/v1")
    #expect(await ServedSandbox.probe(plain.baseURL, hosts: [], logger: .disabled) == nil)
    #expect(served.requests.total == 1)
    #expect(plain.requests.total == 1)
  }

  @Test func nothingListeningMeansNoSandbox() async throws {
    let url = try #require(URL(string: "http://127.0.0.1:9/v5"))
    #expect(await ServedSandbox.probe(url, hosts: [], logger: .disabled) == nil)
  }

  @Test func aSessionOnAServedSandboxSaysSoAndAllowsSandboxCommands() async throws {
    let served = try await ServedShell.start()
    defer { served.stop() }
    let connection = served.shell.session.connection
    #expect(connection.servedSandbox != nil)
    #expect(connection.banner.contains("a sandbox served by imptsh"))
    #expect(connection.label == "sandbox@127.0.0.1:\(served.server.port)")
    #expect(ShellHost(session: served.shell.session).isSandbox)
    #expect(!connection.isSandbox)
  }
}
