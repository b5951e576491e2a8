import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

@Suite struct AuthTests {
  private func post(
    _ harness: Harness, _ path: String, _ body: JSONValue, headers: [String: String] = [:]
  ) -> Answer {
    harness.call(.post, path, body, headers: headers, token: "")
  }

  @Test func passwordLoginReturnsAccessAndRefreshTokens() throws {
    let harness = try Harness()
    let answer = post(harness, "/auth", ["id": "sandbox@imptsh.test", "password": "sandbox"])
    #expect(answer.status == 200)
    #expect(answer.json["access_token"]?.stringValue?.isEmpty == false)
    #expect(answer.json["refresh_token"]?.stringValue?.count == 64)
    #expect(answer.json["expires_in"] == 3600)
    #expect(answer.json["expires_at"]?.stringValue == "2026-01-01T01:00:00.000Z")
  }

  @Test func wrongPasswordIsUnauthorized() throws {
    let harness = try Harness()
    expectError(post(harness, "/auth", ["id": "sandbox", "password": "nope"]), 401, "PX103")
    expectError(post(harness, "/auth", ["id": "nobody", "password": "sandbox"]), 401, "PX103")
  }

  @Test func emptyLoginIdIsRejected() throws {
    let harness = try Harness()
    expectError(post(harness, "/auth", ["id": "", "password": "x"]), 400, "VX006")
  }

  @Test func refreshTokenExchangesForAccessToken() throws {
    let harness = try Harness()
    let login = post(harness, "/auth", ["id": "sandbox", "password": "sandbox"])
    let refresh = try #require(login.json["refresh_token"]?.stringValue)
    let answer = post(harness, "/auth/token", ["token": .string(refresh)])
    #expect(answer.status == 200)
    #expect(answer.json["refresh_token"] == nil)
    let token = try #require(answer.json["access_token"]?.stringValue)
    #expect(harness.call(.get, "/accounts/me", token: token).status == 200)
  }

  @Test func unknownRefreshTokenOrLoginKeyIsNotFound() throws {
    let harness = try Harness()
    expectError(post(harness, "/auth/token", ["token": "feed"]), 404, "NF003")
    expectError(post(harness, "/auth/token", ["key": "wrong_login_key"]), 404, "NF003")
    expectError(post(harness, "/auth/token", ["key": ""]), 400, "VX006")
    expectError(post(harness, "/auth/token", ["key": "a", "token": "b"]), 400, "VX002")
  }

  @Test func twoFactorLoginNeedsTheOneTimePassword() throws {
    let harness = try Harness()
    let first = post(harness, "/auth", ["id": "twofactor", "password": "twofactor"])
    expectError(first, 403, "PX105")
    let errors = first.json["errors"]?.arrayValue ?? []
    let loginToken = try #require(errors.first?["meta"]?["login_token"]?.stringValue)

    let wrong = post(
      harness, "/auth", ["login_token": .string(loginToken)],
      headers: ["X-Electricimp-OTP-Token": "000000"])
    expectError(wrong, 401, "PX104")
    let right = post(
      harness, "/auth", ["login_token": .string(loginToken)],
      headers: ["X-Electricimp-OTP-Token": "123456"])
    #expect(right.status == 200)
    #expect(right.json["access_token"] != nil)

    let reused = post(
      harness, "/auth", ["login_token": .string(loginToken)],
      headers: ["X-Electricimp-OTP-Token": "123456"])
    expectError(reused, 401, "PX104")
  }

  @Test func loginTokenExpires() throws {
    let harness = try Harness()
    let first = post(harness, "/auth", ["id": "twofactor", "password": "twofactor"])
    let loginToken = try #require(
      first.json["errors"]?.arrayValue?.first?["meta"]?["login_token"]?.stringValue)
    harness.clock.advance(by: 301)
    let late = post(
      harness, "/auth", ["login_token": .string(loginToken)],
      headers: ["X-Electricimp-OTP-Token": "123456"])
    expectError(late, 401, "PX104")
  }

  @Test func expiredAccessTokenIsUnauthorized() throws {
    let harness = try Harness(configuration: SandboxConfiguration(accessTokenLifetime: 60))
    #expect(harness.call(.get, "/products").status == 200)
    harness.clock.advance(by: 61)
    expectError(harness.call(.get, "/products"), 401, "PX102")
  }

  @Test func missingOrGarbageTokenIsUnauthorized() throws {
    let harness = try Harness()
    expectError(harness.call(.get, "/products", token: ""), 401, "PX101")
    expectError(harness.call(.get, "/products", token: "garbage"), 401, "PX102")
  }

  @Test func severalAccessTokensWorkTogether() throws {
    let harness = try Harness()
    let second = try Harness.login(harness.sandbox, "sandbox", "sandbox")
    #expect(harness.call(.get, "/accounts/me").status == 200)
    #expect(harness.call(.get, "/accounts/me", token: second).status == 200)
  }

  @Test func deletingRefreshTokenKeepsAccessTokensValid() throws {
    let harness = try Harness()
    let list = harness.call(.get, "/accounts/me/refresh_tokens")
    #expect(list.status == 200)
    let first = try #require(list.items.first?["id"]?.stringValue)
    #expect(list.items.first?["type"] == "refresh_token")
    #expect(harness.call(.delete, "/accounts/me/refresh_tokens/\(first)").status == 204)
    expectError(harness.call(.delete, "/accounts/me/refresh_tokens/\(first)"), 404, "NF001")
    #expect(harness.call(.get, "/accounts/me").status == 200)
  }
}

@Suite struct AccountTests {
  @Test func meAndIdShowTheSameAccount() throws {
    let harness = try Harness()
    let me = harness.call(.get, "/accounts/me")
    #expect(me.data["type"] == "account")
    #expect(me.attributes["username"] == "sandbox")
    #expect(me.attributes["email"] == "sandbox@imptsh.test")
    let byID = harness.call(.get, "/accounts/\(me.id)")
    #expect(byID.id == me.id)
    #expect(byID.data["links"]?["self"]?.stringValue == "\(Harness.base)/accounts/\(me.id)")
  }

  @Test func unknownAccountIsNotFound() throws {
    let harness = try Harness()
    expectError(harness.call(.get, "/accounts/wrong-id"), 404, "NF001")
  }

  @Test func listShowsOnlyOwnAccount() throws {
    let harness = try Harness()
    let list = harness.call(.get, "/accounts")
    #expect(list.items.count == 1)
    #expect(list.json["links"]?["self"] != nil)
  }
}

@Suite struct TransportTests {
  @Test func requestsWorkThroughTheInProcessTransport() async throws {
    let harness = try Harness()
    let transport = InProcessTransport(responder: harness.sandbox)
    var request = HTTPRequest(method: .get, path: "/accounts/me")
    request.headers["Authorization"] = "Bearer \(harness.token)"
    request.headers["Content-Type"] = "application/vnd.api+json"
    let response = try await transport.send(request)
    #expect(response.status == 200)
    #expect(try JSONValue.parse(response.body)["data"]?["type"] == "account")
  }
}
