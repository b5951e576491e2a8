import ImpCentral
import ImptShell

@testable import ImptCommands
@testable import ImptLanguage

/// Command services of a backend without a hardware simulation, whose client reaches no
/// service: for actions that must refuse before any request.
struct ServicesWithoutSandbox: CommandServices {
  let client = ImpCentralClient(transport: UnreachableTransport())
  let interaction: any Interaction = NoInteraction()
  var auth: any AuthControl { NoAuth() }
  var sandbox: (any SandboxControl)? { nil }
  var context: SessionContext { SessionContext() }
  var isDryRun: Bool { false }
  var workingFolder: String { "/" }

  func note(_ text: String) {}
  func emit(_ value: Value) {}
}

/// A transport that reaches nothing.
struct UnreachableTransport: Transport {
  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    throw TransportError.connectionFailed("these tests make no API calls")
  }

  func events(_ request: HTTPRequest) async throws
    -> AsyncThrowingStream<ServerSentEvent, any Error>
  {
    throw TransportError.connectionFailed("these tests make no API calls")
  }
}

/// Logging in is not part of these tests.
struct NoAuth: AuthControl {
  func login(_ request: LoginRequest) async throws -> Value { .null }
  func logout(local: Bool) async throws -> Value { .null }
  func info() async throws -> Value { .null }
}
