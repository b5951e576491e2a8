import Foundation
import Testing

@testable import ImpCentral

@Suite struct AuthRequestTests {
  @Test func passwordLoginSendsPlainJSONWithoutBearerAndInstallsTheSession() async throws {
    let transport = FakeTransport([Fixtures.reply(200, Fixtures.tokens())])
    let session = AuthSession(clock: ManualClock(start: testStart))
    let client = ImpCentralClient(
      transport: transport, session: session, clock: ManualClock(start: testStart))

    let result = try await client.login(id: "factory@example.com", password: Secret("pa55"))

    let request = try #require(transport.last)
    #expect(request.method == .post)
    #expect(request.path == "/auth")
    #expect(request.headers["Content-Type"] == "application/json")
    #expect(request.headers["Authorization"] == nil)
    #expect(request.json == ["id": "factory@example.com", "password": "pa55"])
    guard case .loggedIn(let tokens) = result else {
      Issue.record("expected a login")
      return
    }
    // expires_in (an hour from our clock) wins over the service's expires_at, so a
    // service whose clock is off does not make every request renew the token.
    #expect(tokens.expiresAt == Timestamp.date(from: "2026-01-01T01:00:00.000Z"))
    let state = await session.state
    #expect(state?.accessToken == Secret(Fixtures.accessToken))
    #expect(state?.renewal == .refreshToken(Secret(Fixtures.refreshToken)))
  }

  @Test func twoFactorLoginAsksForAOneTimePasswordThenSendsIt() async throws {
    let challenge: JSONValue = [
      "errors": [
        [
          "status": "403", "title": "Two-Factor Required", "detail": "Send an OTP.",
          "meta": ["login_token": "lt-123"],
        ]
      ]
    ]
    let transport = FakeTransport([
      Fixtures.reply(403, challenge), Fixtures.reply(200, Fixtures.tokens(refresh: nil)),
    ])
    let client = ImpCentralClient(transport: transport)

    let first = try await client.login(id: "factory", password: Secret("pa55"))
    #expect(first == .needsOneTimePassword(loginToken: Secret("lt-123")))

    _ = try await client.login(oneTimePassword: Secret("123456"), loginToken: Secret("lt-123"))
    let request = try #require(transport.last)
    #expect(request.path == "/auth")
    #expect(request.headers["X-Electricimp-OTP-Token"] == "123456")
    #expect(request.headers["Content-Type"] == "application/json")
    #expect(request.json == ["login_token": "lt-123"])
    #expect(await client.session.state?.renewal == TokenRenewal.none)
  }

  @Test func refusedPasswordSaysToCheckTheCredentials() async {
    let refusal = Fixtures.errorDocument(401, "Unauthorized", "Invalid credentials.")
    let transport = FakeTransport([Fixtures.reply(401, refusal)])
    let client = ImpCentralClient(transport: transport)
    let error = await captureError {
      _ = try await client.login(id: "factory", password: Secret("wrong"))
    }
    #expect(error?.id == .unauthorized)
    #expect(error?.message == "impCentral refused the request: Unauthorized: Invalid credentials.")
    #expect(error?.help == "Check the account id and password, then log in again.")
  }

  @Test func loginKeyExchangeSendsTheKeyAndRenewsWithIt() async throws {
    let transport = FakeTransport([Fixtures.reply(200, Fixtures.tokens(refresh: nil))])
    let client = ImpCentralClient(transport: transport)
    _ = try await client.login(loginKey: Secret(Fixtures.loginKey))
    let request = try #require(transport.last)
    #expect(request.path == "/auth/token")
    #expect(request.headers["Authorization"] == nil)
    #expect(request.json == ["key": .string(Fixtures.loginKey)])
    #expect(await client.session.state?.renewal == .loginKey(Secret(Fixtures.loginKey)))
  }

  @Test func refreshTokenExchangeSendsTheToken() async throws {
    let transport = FakeTransport([Fixtures.reply(200, Fixtures.tokens(refresh: nil))])
    let client = ImpCentralClient(transport: transport)
    _ = try await client.login(refreshToken: Secret(Fixtures.refreshToken))
    #expect(transport.last?.json == ["token": .string(Fixtures.refreshToken)])
    #expect(await client.session.state?.renewal == .refreshToken(Secret(Fixtures.refreshToken)))
  }

  @Test func tokensWithoutExpiryAreRefused() async {
    let transport = FakeTransport([Fixtures.reply(200, ["access_token": "t"])])
    let client = ImpCentralClient(transport: transport)
    let error = await captureError { _ = try await client.login(loginKey: Secret("k")) }
    #expect(error?.id == .unexpectedResponse)
  }

  @Test func expiresInIsCountedFromTheClockWhenExpiresAtIsMissing() async throws {
    let clock = ManualClock(start: testStart)
    let transport = FakeTransport([Fixtures.reply(200, ["access_token": "t", "expires_in": 3600])])
    let client = ImpCentralClient(transport: transport, clock: clock)
    let tokens = try await client.login(loginKey: Secret("k"))
    #expect(tokens.expiresAt == testStart.addingTimeInterval(3600))
  }
}

@Suite struct AccountRequestTests {
  @Test func meIsAnAuthenticatedJSONAPIGet() async throws {
    let (client, transport) = echoClient()
    let account = try await client.me()
    let request = try #require(transport.last)
    #expect(request.method == .get)
    #expect(request.path == "/accounts/me")
    #expect(request.body == nil)
    #expect(request.headers["Content-Type"] == "application/vnd.api+json")
    #expect(request.headers["Authorization"] == "Bearer \(Fixtures.accessToken)")
    #expect(account.username == "factory")
  }

  @Test func accountByIDAndListUseTheirPaths() async throws {
    let (client, transport) = echoClient()
    _ = try await client.account(id: Fixtures.accountID)
    #expect(transport.last?.path == "/accounts/\(Fixtures.accountID)")
    let accounts = try await client.accounts()
    #expect(transport.last?.path == "/accounts")
    #expect(transport.last?.queryPairs == ["page[number]=1", "page[size]=100"])
    #expect(accounts.count == 1)
  }

  @Test func refreshTokensAreListedAndDeleted() async throws {
    let (client, transport) = echoClient()
    let tokens = try await client.refreshTokens()
    #expect(transport.last?.path == "/accounts/me/refresh_tokens")
    #expect(tokens.map(\.id) == ["r1"])
    try await client.deleteRefreshToken(id: "r1")
    #expect(transport.last?.method == .delete)
    #expect(transport.last?.path == "/accounts/me/refresh_tokens/r1")
    #expect(transport.last?.headers["Content-Type"] == "application/vnd.api+json")
  }

  @Test func loginKeyWritesCarryThePasswordHeader() async throws {
    let (client, transport) = echoClient()
    let created = try await client.createLoginKey(
      password: Secret("pa55"), description: "test description")
    var request = try #require(transport.last)
    #expect(request.method == .post)
    #expect(request.path == "/accounts/me/login_keys")
    #expect(request.headers["X-Electricimp-Password"] == "pa55")
    #expect(
      request.json == [
        "data": ["type": "login_key", "attributes": ["description": "test description"]]
      ])
    #expect(created.description == "test description")

    _ = try await client.updateLoginKey(
      id: Fixtures.loginKey, password: Secret("pa55"), description: "new")
    request = try #require(transport.last)
    #expect(request.method == .patch)
    #expect(request.path == "/accounts/me/login_keys/\(Fixtures.loginKey)")
    #expect(request.json?["data"]?["id"] == .string(Fixtures.loginKey))
    #expect(request.headers["X-Electricimp-Password"] == "pa55")

    try await client.deleteLoginKey(id: Fixtures.loginKey, password: Secret("pa55"))
    request = try #require(transport.last)
    #expect(request.method == .delete)
    #expect(request.headers["X-Electricimp-Password"] == "pa55")
  }

  @Test func loginKeyReadsNeedNoPassword() async throws {
    let (client, transport) = echoClient()
    _ = try await client.loginKeys()
    #expect(transport.last?.path == "/accounts/me/login_keys")
    let key = try await client.loginKey(id: Fixtures.loginKey)
    #expect(transport.last?.headers["X-Electricimp-Password"] == nil)
    #expect(key.usages == 3)
  }
}
