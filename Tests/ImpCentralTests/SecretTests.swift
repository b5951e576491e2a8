import Foundation
import Testing

@testable import ImpCentral

@Suite struct SecretTests {
  static let password = "hunter2-password"
  static let otp = "918273"
  static let loginToken = "login-token-5551212"
  static let unbondKey = "unbond-key-424242"
  static let secrets = [
    password, otp, loginToken, unbondKey, Fixtures.loginKey, Fixtures.refreshToken,
    Fixtures.accessToken,
  ]

  /// Every operation that carries a secret somewhere in its request.
  static func secretOperations() throws -> [APIOperation] {
    [
      try Endpoints.login(id: "factory", password: Secret(password)),
      try Endpoints.login(oneTimePassword: Secret(otp), loginToken: Secret(loginToken)),
      try Endpoints.exchange(.refreshToken(Secret(Fixtures.refreshToken))),
      try Endpoints.exchange(.loginKey(Secret(Fixtures.loginKey))),
      try Endpoints.loginKey(id: Fixtures.loginKey),
      try Endpoints.createLoginKey(password: Secret(password), description: "d"),
      try Endpoints.updateLoginKey(
        id: Fixtures.loginKey, password: Secret(password), description: "d"),
      try Endpoints.deleteLoginKey(id: Fixtures.loginKey, password: Secret(password)),
      try Endpoints.deleteRefreshToken(id: Fixtures.refreshToken),
      try Endpoints.unassignDevices(["d"], fromDeviceGroup: "g", unbondKey: Secret(unbondKey)),
    ]
  }

  static func everyDescription(of value: Any) -> String {
    var dumped = ""
    dump(value, to: &dumped)
    return [String(describing: value), String(reflecting: value), "\(value)", dumped]
      .joined(separator: "\n")
  }

  static func expectNoSecret(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for secret in secrets {
      #expect(!text.contains(secret), "leaked a secret in: \(text)", sourceLocation: sourceLocation)
    }
  }

  @Test func secretsDescribeThemselvesAsRedacted() {
    let secret = Secret(Self.password)
    #expect("\(secret)" == "<redacted>")
    Self.expectNoSecret(Self.everyDescription(of: secret))
    Self.expectNoSecret(
      Self.everyDescription(
        of: AuthState(
          accessToken: Secret(Fixtures.accessToken), expiresAt: testStart,
          renewal: .refreshToken(Secret(Fixtures.refreshToken)))))
  }

  @Test func operationsNeverShowTheirSecrets() throws {
    for operation in try Self.secretOperations() {
      Self.expectNoSecret(operation.summary)
      Self.expectNoSecret(operation.requestDescription)
      Self.expectNoSecret(operation.redactedPath)
      Self.expectNoSecret(Self.everyDescription(of: operation))
      Self.expectNoSecret(operation.target ?? "")
    }
  }

  @Test func requestDescriptionsMaskHeadersBodiesAndKeyPaths() throws {
    let login = try Endpoints.login(id: "factory", password: Secret(Self.password))
    #expect(
      login.requestDescription
        == #"POST /auth Content-Type: application/json {"id":"factory","password":"<redacted>"}"#)
    let delete = try Endpoints.deleteLoginKey(
      id: Fixtures.loginKey, password: Secret(Self.password))
    #expect(delete.summary == "delete login key 7d8e…")
    #expect(
      delete.requestDescription
        == "DELETE /accounts/me/login_keys/<redacted> Content-Type: application/vnd.api+json "
        + "X-Electricimp-Password: <redacted>")
  }

  @Test func operationsStillSendTheirSecrets() throws {
    let unassign = try Endpoints.unassignDevices(
      ["d"], fromDeviceGroup: "g", unbondKey: Secret(Self.unbondKey))
    #expect(unassign.request.headers["X-Electricimp-Key"] == Self.unbondKey)
    #expect(unassign.summary == "unassign device d from device group g with the unbond key")
  }

  @Test func errorsFromSecretOperationsNeverShowTheSecrets() async throws {
    let replies: [FakeTransport.Reply] = [
      Fixtures.reply(401, Fixtures.errorDocument(401, "Unauthorized", "Bad credentials.")),
      .failure(.connectionFailed("reset")),
      Fixtures.reply(404, Fixtures.errorDocument(404, "Not Found", "No such key.")),
      .response(HTTPResponse(status: 503, body: Data("<html>".utf8))),
    ]
    for reply in replies {
      for operation in try Self.secretOperations() {
        let transport = FakeTransport(handler: { _ in reply })
        let client = makeClient(transport)
        let error = await captureError { try await client.run { operation } }
        let failure = try #require(error)
        Self.expectNoSecret(failure.description)
        Self.expectNoSecret(failure.operation ?? "")
        Self.expectNoSecret(Self.everyDescription(of: failure))
      }
    }
  }

  @Test func refusedRenewalNeverShowsTheRefreshToken() async {
    let transport = FakeTransport([
      Fixtures.reply(404, Fixtures.errorDocument(404, "Not Found", "Unknown token."))
    ])
    let error = await captureError { _ = try await makeClient(transport, expiresIn: 1).me() }
    Self.expectNoSecret(error.map { Self.everyDescription(of: $0) } ?? "")
  }

  @Test func logRecordsCarryMethodPathAndStatusButNoSecret() async throws {
    let records = Collector<Logger.Record>()
    let transport = FakeTransport(handler: EchoService.answer)
    var client = makeClient(transport)
    client.logger = Logger(label: "impcentral", level: .debug) { records.add($0) }

    _ = try await client.loginKey(id: Fixtures.loginKey)
    try await client.unassignDevices(["d"], fromDeviceGroup: "g", unbondKey: Secret(Self.unbondKey))
    _ = try await client.login(id: "factory", password: Secret(Self.password))

    let first = try #require(records.all.first)
    #expect(first.level == .debug)
    #expect(first.metadata["http.method"] == "GET")
    #expect(first.metadata["http.path"] == "/accounts/me/login_keys/<redacted>")
    #expect(first.metadata["http.status"] == "200")
    #expect(records.all.count == 3)
    for record in records.all {
      Self.expectNoSecret(record.message + record.metadata.description)
    }
  }
}
