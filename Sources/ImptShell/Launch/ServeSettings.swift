import Foundation
import ImpCentralSandbox
import ImptCommands

/// The test switches of `imptsh --serve`, read from the environment.
///
/// - `IMPTSH_SERVE_FAULTS`: failures for the next `/v5` requests (`429x2,500,drop`).
/// - `IMPTSH_SERVE_TOKEN_LIFETIME`: seconds an access token lasts (default 3600).
/// - `IMPTSH_SERVE_RATE_LIMIT`: `LIMIT/SECONDS` requests per access token (`40/1`);
///   unset, nothing is limited and no response carries `X-RateLimit-*` headers.
struct ServeSettings: Sendable {
  /// The sandbox's settings.
  var configuration = SandboxConfiguration()
  /// The faults, as written.
  var faults = ""

  static let tokenLifetimeVariable = "IMPTSH_SERVE_TOKEN_LIFETIME"
  static let rateLimitVariable = "IMPTSH_SERVE_RATE_LIMIT"

  /// Reads the switches; throws a `serve.badSetting` error naming the variable.
  init(environment: [String: String]) throws {
    faults = environment[FaultPlan.environmentVariable] ?? ""
    if let text = Self.value(Self.tokenLifetimeVariable, environment) {
      configuration.accessTokenLifetime = try Self.lifetime(text)
    }
    if let text = Self.value(Self.rateLimitVariable, environment) {
      configuration.rateLimit = try Self.rateLimit(text)
    }
  }

  /// The default settings: impCentral's token lifetime, no rate limit, no faults.
  init() {}

  /// The fault plan of `IMPTSH_SERVE_FAULTS`.
  func faultPlan() throws -> FaultPlan {
    do {
      return try FaultPlan(parsing: faults)
    } catch {
      throw CommandError(
        error.id,
        "\(FaultPlan.environmentVariable): unknown fault '\(error.item)'; "
          + "expected \(error.expected)",
        help: ["Write faults as a list such as '429x2,500,drop', or unset the variable."])
    }
  }

  private static func lifetime(_ text: String) throws -> Double {
    guard let seconds = Double(text), seconds.isFinite, seconds >= 1 else {
      throw bad(tokenLifetimeVariable, text, "a number of seconds of at least 1, such as 5")
    }
    return seconds
  }

  private static func rateLimit(_ text: String) throws -> SandboxConfiguration.RateLimit {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let limit = Int(parts[0]), limit > 0,
      let window = Double(parts[1]), window.isFinite, window > 0
    else {
      throw bad(rateLimitVariable, text, "LIMIT/SECONDS, such as '40/1' for 40 a second")
    }
    return SandboxConfiguration.RateLimit(limit: limit, window: window)
  }

  private static func bad(_ name: String, _ text: String, _ expected: String) -> CommandError {
    CommandError(
      "serve.badSetting", "\(name) is '\(text)'; expected \(expected)",
      help: ["Correct or unset \(name); 'imptsh --help' describes the serve settings."])
  }

  private static func value(_ name: String, _ environment: [String: String]) -> String? {
    guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty
    else { return nil }
    return text
  }
}
