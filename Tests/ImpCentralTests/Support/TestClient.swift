import Foundation

@testable import ImpCentral

/// The start of every test clock: 2026-01-01T00:00:00Z.
let testStart = Date(timeIntervalSince1970: 1_767_225_600)

/// A client logged in with a token that lasts an hour, a manual clock and a sleeper that
/// never waits.
func makeClient(
  _ transport: FakeTransport,
  renewal: TokenRenewal = .refreshToken(Secret(Fixtures.refreshToken)),
  expiresIn: TimeInterval = 3600,
  clock: ManualClock = ManualClock(start: testStart),
  sleeper: RecordingSleeper = RecordingSleeper(),
  mode: ExecutionMode = .live,
  observer: OperationObserver? = nil,
  onChange: (@Sendable (AuthState?) -> Void)? = nil
) -> ImpCentralClient {
  let state = AuthState(
    accessToken: Secret(Fixtures.accessToken),
    expiresAt: clock.now().addingTimeInterval(expiresIn), renewal: renewal)
  let session = AuthSession(state: state, clock: clock, onChange: onChange)
  return ImpCentralClient(
    transport: transport, session: session, mode: mode,
    retryPolicy: RetryPolicy(sleeper: sleeper), observer: observer, clock: clock)
}

/// Runs `body` and returns the `ImpCentralError` it throws, or nil if it throws nothing
/// or something else.
func captureError(_ body: () async throws -> Void) async -> ImpCentralError? {
  do {
    try await body()
    return nil
  } catch let error as ImpCentralError {
    return error
  } catch {
    return nil
  }
}

extension HTTPRequest {
  /// The body parsed as JSON, or nil.
  var json: JSONValue? { body.flatMap { try? JSONValue.parse($0) } }

  /// The query as `name=value` strings, in order.
  var queryPairs: [String] { query.map { "\($0.name)=\($0.value ?? "")" } }
}
