import Foundation
import Synchronization
import Testing

@testable import ImpCentral

/// Holds callers until opened; opening lets every present and future caller through.
final class Gate: Sendable {
  private let state = Mutex<(open: Bool, waiting: [CheckedContinuation<Void, Never>])>(
    (false, []))

  func wait() async {
    await withCheckedContinuation { continuation in
      let proceed = state.withLock { state in
        if state.open { return true }
        state.waiting.append(continuation)
        return false
      }
      if proceed { continuation.resume() }
    }
  }

  func open() {
    let waiting = state.withLock { state in
      state.open = true
      defer { state.waiting = [] }
      return state.waiting
    }
    for continuation in waiting { continuation.resume() }
  }
}

/// A service that accepts only the renewed token and holds every renewal at a gate.
///
/// With `rejectionsHeld`, refusals of the old token are held back until that many have
/// arrived, so that many callers hold a rejected token at once.
final class RenewalService: Transport {
  let gate = Gate()
  private let rejectionGate = Gate()
  private let rejectionsHeld: Int
  private let counts = Mutex((renewals: 0, rejected: 0))

  init(rejectionsHeld: Int = 0) {
    self.rejectionsHeld = rejectionsHeld
  }

  var renewals: Int { counts.withLock { $0.renewals } }
  var rejected: Int { counts.withLock { $0.rejected } }

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    if request.path == "/auth/token" {
      counts.withLock { $0.renewals += 1 }
      await gate.wait()
      return Fixtures.response(200, Fixtures.tokens(access: "renewed", refresh: nil))
    }
    guard request.headers["Authorization"] == "Bearer renewed" else {
      let rejected = counts.withLock { counts in
        counts.rejected += 1
        return counts.rejected
      }
      if rejected >= rejectionsHeld { rejectionGate.open() }
      await rejectionGate.wait()
      return HTTPResponse(status: 401)
    }
    return Fixtures.response(200, ["data": Fixtures.product])
  }

  func events(_ request: HTTPRequest) async throws -> AsyncThrowingStream<
    ServerSentEvent, any Error
  > {
    throw TransportError.connectionFailed("no events")
  }
}

@Suite struct AuthSessionTests {
  @Test func tokenNearExpiryIsRenewedBeforeTheCall() async throws {
    let saved = Collector<AuthState?>()
    let transport = FakeTransport([
      Fixtures.reply(200, Fixtures.tokens(access: "renewed", refresh: nil)),
      Fixtures.reply(200, ["data": Fixtures.product]),
    ])
    let client = makeClient(transport, expiresIn: 179, onChange: { saved.add($0) })

    _ = try await client.product(id: Fixtures.productID)

    #expect(transport.requests.map(\.path) == ["/auth/token", "/products/\(Fixtures.productID)"])
    #expect(transport.requests[0].json == ["token": .string(Fixtures.refreshToken)])
    #expect(transport.requests[1].headers["Authorization"] == "Bearer renewed")
    #expect(saved.all.count == 1)
    #expect(saved.all.first??.accessToken == Secret("renewed"))
    #expect(saved.all.first??.renewal == .refreshToken(Secret(Fixtures.refreshToken)))
  }

  @Test(arguments: [180.0, 181.0, 3600.0])
  func tokenWithThreeMinutesOrMoreLeftIsUsedAsIs(expiresIn: Double) async throws {
    let transport = FakeTransport(handler: EchoService.answer)
    _ = try await makeClient(transport, expiresIn: expiresIn).product(id: "p")
    #expect(transport.requests.map(\.path) == ["/products/p"])
  }

  @Test func loginKeySessionsRenewWithTheKey() async throws {
    let transport = FakeTransport([
      Fixtures.reply(200, Fixtures.tokens(access: "renewed", refresh: nil)),
      Fixtures.reply(200, ["data": Fixtures.product]),
    ])
    let client = makeClient(transport, renewal: .loginKey(Secret(Fixtures.loginKey)), expiresIn: 10)
    _ = try await client.product(id: "p")
    #expect(transport.requests.first?.json == ["key": .string(Fixtures.loginKey)])
    #expect(await client.session.state?.renewal == .loginKey(Secret(Fixtures.loginKey)))
  }

  @Test func rejectedTokenIsRenewedOnceAndTheCallRetriedOnce() async throws {
    let transport = FakeTransport([
      .response(HTTPResponse(status: 401)),
      Fixtures.reply(200, Fixtures.tokens(access: "renewed", refresh: nil)),
      Fixtures.reply(200, ["data": Fixtures.product]),
    ])
    let client = makeClient(transport)
    let product = try await client.product(id: "p")
    #expect(product.name == "TestProduct")
    #expect(transport.requests.map(\.path) == ["/products/p", "/auth/token", "/products/p"])
    #expect(transport.requests[2].headers["Authorization"] == "Bearer renewed")
  }

  @Test func secondRejectionIsNotRenewedAgain() async {
    let transport = FakeTransport([
      .response(HTTPResponse(status: 401)),
      Fixtures.reply(200, Fixtures.tokens(access: "renewed", refresh: nil)),
      .response(HTTPResponse(status: 401)),
    ])
    let client = makeClient(transport)
    let error = await captureError { _ = try await client.product(id: "p") }
    #expect(error?.id == .unauthorized)
    #expect(error?.help == "Log in again to get a new access token.")
    #expect(transport.requests.count == 3)
  }

  @Test func rejectionWithoutAWayToRenewSaysToLogInAgain() async {
    let transport = FakeTransport([.response(HTTPResponse(status: 401))])
    let client = makeClient(transport, renewal: .none)
    let error = await captureError { _ = try await client.product(id: "p") }
    #expect(error?.id == .unauthorized)
    #expect(error?.message == "impCentral refused the access token and this login cannot renew it")
    #expect(error?.help == "Log in again to get a new access token.")
    #expect(transport.requests.count == 1)
  }

  @Test func expiredTemporaryLoginFailsBeforeSending() async {
    let clock = ManualClock(start: testStart)
    let transport = FakeTransport(handler: EchoService.answer)
    let client = makeClient(transport, renewal: .none, expiresIn: 60, clock: clock)
    _ = try? await client.product(id: "p")
    #expect(transport.requests.count == 1)

    clock.advance(by: 61)
    let error = await captureError { _ = try await client.product(id: "p") }
    #expect(error?.id == .unauthorized)
    #expect(error?.message == "the access token has expired and this login cannot renew it")
    #expect(transport.requests.count == 1)
  }

  @Test func refusedRenewalSaysToLogInAgain() async {
    let transport = FakeTransport([
      Fixtures.reply(404, Fixtures.errorDocument(404, "Not Found", "Refresh token not found."))
    ])
    let client = makeClient(transport, expiresIn: 30)
    let error = await captureError { _ = try await client.product(id: "p") }
    #expect(error?.id == .unauthorized)
    #expect(
      error?.message
        == "could not renew the access token: impCentral refused the request: Not Found: Refresh token not found."
    )
    #expect(error?.help == "Log in again to get a new access token.")
    #expect(transport.requests.map(\.path) == ["/auth/token"])
  }

  @Test func renewalLostInTransitStaysATransportFailure() async {
    let transport = FakeTransport([.failure(.connectionFailed("network is down"))])
    let client = makeClient(transport, expiresIn: 30)
    let error = await captureError { _ = try await client.product(id: "p") }
    #expect(error?.id == .connectionFailed)
    #expect(transport.requests.count == 1)
  }

  @Test func notLoggedInSaysSo() async {
    let transport = FakeTransport(handler: EchoService.answer)
    let client = ImpCentralClient(transport: transport)
    let error = await captureError { _ = try await client.products() }
    #expect(error?.id == .unauthorized)
    #expect(error?.message == "not logged in to impCentral")
    #expect(transport.requests.isEmpty)
  }

  @Test func concurrentCallersNearExpiryShareOneRenewal() async throws {
    let service = RenewalService()
    try await fiveCallsAtOnce(makeClientOver(service, expiresIn: 30), service)
    #expect(service.renewals == 1)
    #expect(service.rejected == 0)
  }

  @Test func concurrentRejectedCallersShareOneRenewal() async throws {
    let service = RenewalService(rejectionsHeld: 5)
    try await fiveCallsAtOnce(makeClientOver(service, expiresIn: 3600), service)
    #expect(service.renewals == 1)
    #expect(service.rejected == 5)
  }

  @Test func temporaryLoginCanBeMadeNotToRenew() async {
    let session = AuthSession(
      state: AuthState(
        accessToken: Secret("t"), expiresAt: testStart,
        renewal: .refreshToken(Secret("r"))))
    await session.setRenewal(.none)
    #expect(await session.state?.renewal == TokenRenewal.none)
    await session.clear()
    #expect(await session.state == nil)
  }

  /// Starts five reads, lets them all reach the held renewal, then releases it.
  private func fiveCallsAtOnce(_ client: ImpCentralClient, _ service: RenewalService)
    async throws
  {
    try await withThrowingTaskGroup(of: Product.self) { group in
      for _ in 0..<5 { group.addTask { try await client.product(id: "p") } }
      for _ in 0..<200 { await Task.yield() }
      service.gate.open()
      for try await product in group { #expect(product.name == "TestProduct") }
    }
  }

  private func makeClientOver(_ service: RenewalService, expiresIn: TimeInterval)
    -> ImpCentralClient
  {
    let clock = ManualClock(start: testStart)
    let session = AuthSession(
      state: AuthState(
        accessToken: Secret("old"), expiresAt: testStart.addingTimeInterval(expiresIn),
        renewal: .refreshToken(Secret(Fixtures.refreshToken))),
      clock: clock)
    return ImpCentralClient(
      transport: service, session: session,
      retryPolicy: RetryPolicy(sleeper: RecordingSleeper()), clock: clock)
  }
}
