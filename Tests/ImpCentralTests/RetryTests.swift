import Foundation
import Testing

@testable import ImpCentral

@Suite struct RetryTests {
  private static func rateLimited(reset: String?) -> FakeTransport.Reply {
    var headers = HTTPHeaders()
    if let reset { headers["X-RateLimit-Reset"] = reset }
    return .response(HTTPResponse(status: 429, headers: headers))
  }

  private static let ok = Fixtures.reply(200, ["data": Fixtures.product])
  private static let created = Fixtures.reply(201, ["data": Fixtures.product])

  private func client(
    _ transport: FakeTransport, _ sleeper: RecordingSleeper,
    policy: (inout RetryPolicy) -> Void = { _ in }, notices: Collector<RetryNotice>? = nil
  ) -> ImpCentralClient {
    var client = makeClient(transport, sleeper: sleeper)
    if let notices {
      client.retryPolicy.onLongWait = { notices.add($0) }
    }
    policy(&client.retryPolicy)
    return client
  }

  @Test func rateLimitWaitsAsTheResetHeaderSaysAndAnnouncesLongWaits() async throws {
    let transport = FakeTransport([Self.rateLimited(reset: "3"), Self.ok])
    let sleeper = RecordingSleeper()
    let notices = Collector<RetryNotice>()
    _ = try await client(transport, sleeper, notices: notices).product(id: "p")
    #expect(sleeper.recorded == [3])
    #expect(transport.requests.count == 2)
    #expect(
      notices.all == [
        RetryNotice(reason: .rateLimited, seconds: 3, retry: 1, operation: "get product p")
      ])
  }

  @Test(arguments: [nil, "", "soon", "-4"])
  func rateLimitWithoutAUsableResetWaitsOneSecondQuietly(reset: String?) async throws {
    let transport = FakeTransport([Self.rateLimited(reset: reset), Self.ok])
    let sleeper = RecordingSleeper()
    let notices = Collector<RetryNotice>()
    _ = try await client(transport, sleeper, notices: notices).product(id: "p")
    #expect(sleeper.recorded == [1])
    #expect(notices.all.isEmpty)
  }

  @Test func rateLimitRetriesStopAtTheirCount() async {
    let transport = FakeTransport(handler: { _ in Self.rateLimited(reset: "1") })
    let sleeper = RecordingSleeper()
    let client = client(transport, sleeper) { $0.maxRateLimitRetries = 3 }
    let error = await captureError { _ = try await client.product(id: "p") }
    #expect(error?.id == .rateLimited)
    #expect(transport.requests.count == 4)
    #expect(sleeper.recorded == [1, 1, 1])
  }

  @Test func rateLimitRetriesStopAtTheirTotalWait() async {
    let transport = FakeTransport(handler: { _ in Self.rateLimited(reset: "50") })
    let sleeper = RecordingSleeper()
    let client = client(transport, sleeper) { $0.maxRateLimitWait = 120 }
    let error = await captureError { _ = try await client.product(id: "p") }
    #expect(error?.id == .rateLimited)
    #expect(sleeper.recorded == [50, 50])
    #expect(transport.requests.count == 3)
  }

  @Test func rateLimitedPostIsRetriedBecauseItWasNotProcessed() async throws {
    let transport = FakeTransport([Self.rateLimited(reset: "1"), Self.created])
    let sleeper = RecordingSleeper()
    _ = try await client(transport, sleeper).createProduct(ProductDraft(name: "P"))
    #expect(transport.requests.count == 2)
  }

  @Test func serverErrorOnGetIsRetriedWithGrowingBackoff() async throws {
    let transport = FakeTransport([
      .response(HTTPResponse(status: 503)), .response(HTTPResponse(status: 502)), Self.ok,
    ])
    let sleeper = RecordingSleeper()
    let product = try await client(transport, sleeper).product(id: "p")
    #expect(product.name == "TestProduct")
    #expect(sleeper.recorded == [0.5, 1.0])
  }

  @Test func serverErrorRetriesStopAtTheirCount() async {
    let transport = FakeTransport(handler: { _ in .response(HTTPResponse(status: 503)) })
    let sleeper = RecordingSleeper()
    let error = await captureError { _ = try await client(transport, sleeper).devices() }
    #expect(error?.id == .server)
    #expect(transport.requests.count == 4)
    #expect(sleeper.recorded == [0.5, 1.0, 2.0])
  }

  @Test func backoffNeverPassesItsCap() {
    let policy = RetryPolicy(initialBackoff: 1, maxBackoff: 5)
    #expect((1...6).map(policy.backoff(forRetry:)) == [1, 2, 4, 5, 5, 5])
  }

  @Test func serverErrorOnPostIsNotRetriedAndMayHaveTakenEffect() async {
    let transport = FakeTransport(handler: { _ in .response(HTTPResponse(status: 503)) })
    let sleeper = RecordingSleeper()
    let error = await captureError {
      _ = try await client(transport, sleeper).createProduct(ProductDraft(name: "P"))
    }
    #expect(error?.id == .server)
    #expect(error?.mayHaveTakenEffect == true)
    #expect(error?.help?.contains("may or may not have taken effect") == true)
    #expect(transport.requests.count == 1)
    #expect(sleeper.recorded.isEmpty)
  }

  @Test(arguments: [TransportError.connectionFailed("connection reset"), .timedOut])
  func failureInTransitOnPostIsNeverResent(failure: TransportError) async {
    let transport = FakeTransport(handler: { _ in .failure(failure) })
    let sleeper = RecordingSleeper()
    let error = await captureError {
      _ = try await client(transport, sleeper).createProduct(ProductDraft(name: "P"))
    }
    #expect(transport.requests.count == 1)
    #expect(error?.mayHaveTakenEffect == true)
    #expect(
      error?.message.hasSuffix(
        "; the request to create product 'P' may or may not have taken effect") == true)
    #expect(sleeper.recorded.isEmpty)
  }

  @Test func failureInTransitOnPatchIsNeverResent() async {
    let transport = FakeTransport(handler: { _ in .failure(.timedOut) })
    let error = await captureError {
      _ = try await client(transport, RecordingSleeper()).updateDevice(id: "d", name: "n")
    }
    #expect(error?.id == .timedOut)
    #expect(transport.requests.count == 1)
  }

  @Test func failureInTransitOnIdempotentMethodsIsRetried() async throws {
    let transport = FakeTransport([
      .failure(.connectionFailed("refused")), .failure(.timedOut), Self.ok,
      .failure(.timedOut), Fixtures.empty(),
      .failure(.connectionFailed("refused")), Fixtures.empty(),
    ])
    let client = client(transport, RecordingSleeper())
    _ = try await client.product(id: "p")
    try await client.deleteProduct(id: "p")
    try await client.setMinSupportedDeployment("d", forDeviceGroup: "g")
    #expect(transport.requests.map(\.method) == [.get, .get, .get, .delete, .delete, .put, .put])
  }

  @Test func failureInTransitRetriesStopAtTheirCount() async {
    let transport = FakeTransport(handler: { _ in .failure(.connectionFailed("refused")) })
    let error = await captureError {
      _ = try await client(transport, RecordingSleeper()).product(id: "p")
    }
    #expect(error?.id == .connectionFailed)
    #expect(error?.mayHaveTakenEffect == false)
    #expect(error?.message == "could not reach impCentral: refused")
    #expect(transport.requests.count == 4)
  }

  @Test(arguments: [FakeTransport.Reply.failure(.cancelled), .cancellation])
  func cancellationIsNeverRetried(reply: FakeTransport.Reply) async {
    let transport = FakeTransport(handler: { _ in reply })
    let sleeper = RecordingSleeper()
    let error = await captureError { _ = try await client(transport, sleeper).product(id: "p") }
    #expect(error?.id == .cancelled)
    #expect(transport.requests.count == 1)
    #expect(sleeper.recorded.isEmpty)
  }

  @Test func cancellationWhileWaitingStopsTheRetries() async {
    let transport = FakeTransport(handler: { _ in Self.rateLimited(reset: "5") })
    let sleeper = RecordingSleeper(cancels: true)
    let error = await captureError { _ = try await client(transport, sleeper).product(id: "p") }
    #expect(error?.id == .cancelled)
    #expect(transport.requests.count == 1)
  }

  @Test func cancelledTaskSendsNothing() async {
    let transport = FakeTransport(handler: EchoService.answer)
    let client = client(transport, RecordingSleeper())
    let task = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return await captureError { _ = try await client.product(id: "p") }
    }
    let error = await task.value
    #expect(error?.id == .cancelled)
    #expect(transport.requests.isEmpty)
  }
}
