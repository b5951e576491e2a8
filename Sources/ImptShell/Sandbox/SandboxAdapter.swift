import ImpCentral
import ImpCentralSandbox
import ImptCommands
import ImptLanguage

/// The `sandbox` commands' view of the embedded sandbox: its hardware simulation, with
/// failures turned into user-facing errors.
public struct SandboxAdapter: SandboxControl {
  /// The sandbox the session's backend answers from.
  public let sandbox: Sandbox

  /// Creates an adapter over `sandbox`.
  public init(_ sandbox: Sandbox) {
    self.sandbox = sandbox
  }

  public func addDevices(count: Int, namePrefix: String?, impType: String?, online: Bool)
    throws -> [String]
  {
    try mapped {
      try sandbox.addDevices(
        count: count, namePrefix: namePrefix, impType: impType ?? Self.defaultImpType,
        online: online
      ).map(\.id)
    }
  }

  public func runFactory(fixtureGroupID: String, count: Int) throws -> [String] {
    try mapped { try sandbox.runFactory(fixtureGroup: fixtureGroupID, count: count).map(\.id) }
  }

  public func blinkup(deviceID: String) throws {
    try mapped { _ = try sandbox.blinkup(device: deviceID) }
  }

  public func emitLog(deviceID: String, text: String, type: String) throws {
    try mapped { try sandbox.emitLog(device: deviceID, text: text, type: type) }
  }

  public func setOnline(deviceID: String, _ online: Bool) throws {
    try mapped { _ = try sandbox.setOnline(device: deviceID, online) }
  }

  public func webhookFirings() throws -> [Value] {
    try mapped { try sandbox.webhookFirings().map(Self.record) }
  }

  public func reset() throws {
    try mapped { try sandbox.reset() }
  }

  public var seededLogin: (user: String, password: Secret) {
    (SandboxAccounts.standard.username, Secret(SandboxAccounts.standard.password))
  }

  /// The hardware new devices get when the command names none.
  static let defaultImpType = "imp006"

  /// A firing as the record `sandbox webhooks` lists.
  static func record(_ firing: WebhookFiring) -> Value {
    .record(
      Record([
        ("time", .string(firing.firedAt)), ("event", .string(firing.event)),
        ("url", .string(firing.url)), ("content_type", .string(firing.contentType)),
        ("payload", Value(json: firing.payload)), ("webhook", .string(firing.webhookID)),
        ("devicegroup", .string(firing.deviceGroupID)),
      ]))
  }

  /// Runs a simulation step, reporting its failure in the shell's terms.
  private func mapped<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as SandboxError {
      throw SandboxFailure(error)
    }
  }
}

/// A failed simulation step, as the user sees it: the sandbox's own message and remedy.
public struct SandboxFailure: UserFacingError, Sendable, Equatable, CustomStringConvertible {
  /// The stable id: `sandbox.notBlessed`.
  public var id: String
  /// What went wrong, in the sandbox's words.
  public var message: String
  /// How to recover, when the sandbox knows.
  public var help: [String]

  /// The user-facing form of a sandbox error.
  public init(_ error: SandboxError) {
    id = error.id
    message = error.message
    help = error.help.map { [$0] } ?? []
  }

  public var description: String {
    ([message] + help.map { "help: " + $0 }).joined(separator: "\n")
  }
}
