import Foundation
import ImpCentral
import Testing

/// Logging in to `imptsh --serve` over HTTP, the ways impt users already do.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct LoginOverHTTPTests {
  @Test func loginIsSavedPrivatelyAndLaterRunsNeedNoEndpoint() async throws {
    try await withServedSandbox { home, server in
      let login = try await home.run(
        ["--endpoint", server.url, "-c", "auth login --user sandbox --pwd sandbox"])
      #expect(login.status == 0, "\(login)")
      let mode =
        try FileManager.default.attributesOfItem(atPath: home.imptshAuthPath)[
          .posixPermissions] as? Int
      #expect(mode == 0o600)
      let saved = try savedLogin(home.imptshAuthPath)
      for secret in [saved["accessToken"], saved["refreshToken"]].compactMap(\.?.stringValue) {
        #expect(!login.out.contains(secret) && !login.err.contains(secret))
      }

      let later = try await home.run(["-c", "product create --name Lamp; product list; auth info"])
      #expect(later.status == 0, "\(later)")
      #expect(later.out.contains("Lamp"))
      #expect(later.out.contains("sandbox served by imptsh"))
      #expect(later.out.contains(server.url))
    }
  }

  @Test func anImptUsersSavedLoginWorksWithoutLoggingIn() async throws {
    try await withServedSandbox { home, server in
      let answer = try await ServerCalls.login(server)
      let token = try #require(answer["access_token"]?.stringValue)
      _ = try await ServerCalls.send(
        server, .post, "/products",
        body: ["data": ["type": "product", "attributes": ["name": "FromImpt"]]], token: token)
      let file: JSONValue = [
        "endpoint": .string(server.url), "accessToken": .string(token),
        "expiresAt": answer["expires_at"] ?? .null,
        "refreshToken": answer["refresh_token"] ?? .null,
      ]
      try file.encoded(pretty: true).write(to: URL(fileURLWithPath: home.imptAuthPath))

      let result = try await home.run(["-c", "product list; auth info"])
      #expect(result.status == 0, "\(result)")
      #expect(result.out.contains("FromImpt"))
      #expect(result.out.contains(home.imptAuthPath))
      #expect(!FileManager.default.fileExists(atPath: home.imptshAuthPath))
    }
  }

  @Test func aLoginKeyInTheEnvironmentLogsIn() async throws {
    try await withServedSandbox { home, server in
      let token = try #require(try await ServerCalls.login(server)["access_token"]?.stringValue)
      let key = try await ServerCalls.createLoginKey(server, token: token)

      let result = try await home.run(
        ["-c", "product create --name Keyed; auth info"],
        environment: ["IMPT_LOGINKEY": key, "IMPT_ENDPOINT": server.url])
      #expect(result.status == 0, "\(result)")
      #expect(result.out.contains("login key"))
      #expect(!result.out.contains(key) && !result.err.contains(key))
      #expect(!FileManager.default.fileExists(atPath: home.imptshAuthPath))
    }
  }

  @Test func shortLivedTokensAreRenewedWithoutTheUserNoticing() async throws {
    try await withServedSandbox(environment: ["IMPTSH_SERVE_TOKEN_LIFETIME": "5"]) {
      home, server in
      let login = try await home.run(
        ["--endpoint", server.url, "-c", "auth login --user sandbox --pwd sandbox"])
      #expect(login.status == 0, "\(login)")
      let first = try savedToken(home.imptshAuthPath)

      try await Task.sleep(for: .seconds(6))
      let result = try await home.run(["-c", "product create --name Renewed; product list"])
      #expect(result.status == 0, "\(result)")
      #expect(result.out.contains("Renewed"))
      #expect(!result.err.contains("error"))
      let second = try savedToken(home.imptshAuthPath)
      #expect(second != first)
    }
  }

  @Test func badServeSettingsAreRefusedByName() async throws {
    let home = try TestHome()
    defer { home.remove() }
    let result = try await home.run(
      ["--serve", "--port", "0", "--sandbox", ":memory:"],
      environment: ["IMPTSH_SERVE_RATE_LIMIT": "fast"])
    #expect(result.status == 1)
    #expect(result.err.contains("IMPTSH_SERVE_RATE_LIMIT is 'fast'"))
    #expect(result.err.contains("help: "))
  }

  private func savedToken(_ path: String) throws -> String {
    try savedLogin(path)["accessToken"]?.stringValue ?? ""
  }

  private func savedLogin(_ path: String) throws -> JSONValue {
    try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: path)))
  }
}
