import Foundation
import ImpCentral
import ImptCommands

extension ShellSession {
  /// A session for `--check`: it parses and checks, and can send nothing.
  static func checkOnly(
    isSandbox: Bool, output: any OutputSink, render: RenderOptions, dataFolder: DataFolder,
    workingFolder: String
  ) -> ShellSession {
    let connection = Connection(
      client: ImpCentralClient(transport: NoTransport()), sandbox: nil,
      label: "check", banner: "", savedLoginPath: nil, checksAsSandbox: isSandbox)
    return ShellSession(
      connection: connection, output: output, interaction: NoInteraction(), render: render,
      dataFolder: dataFolder, workingFolder: workingFolder)
  }
}

/// A transport that sends nothing: `--check` never calls the API.
struct NoTransport: Transport {
  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    throw TransportError.connectionFailed("imptsh --check makes no API calls")
  }

  func events(_ request: HTTPRequest) async throws
    -> AsyncThrowingStream<ServerSentEvent, any Error>
  {
    throw TransportError.connectionFailed("imptsh --check makes no API calls")
  }
}
