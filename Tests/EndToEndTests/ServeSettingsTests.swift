import Foundation
import ImpCentralSandbox
import ImptCommands
import Testing

@testable import ImptShell

/// The test switches of `imptsh --serve`, read from the environment.
@Suite struct ServeSettingsTests {
  @Test func unsetSwitchesKeepImpCentralsBehaviour() throws {
    let settings = try ServeSettings(environment: [:])
    #expect(settings.configuration.accessTokenLifetime == 3600)
    #expect(settings.configuration.rateLimit == nil)
    #expect(try settings.faultPlan().pending.isEmpty)
  }

  @Test func switchesSetLifetimeRateLimitAndFaults() throws {
    let settings = try ServeSettings(environment: [
      "IMPTSH_SERVE_TOKEN_LIFETIME": "5", "IMPTSH_SERVE_RATE_LIMIT": "40/1",
      "IMPTSH_SERVE_FAULTS": "429x2,drop@GET",
    ])
    #expect(settings.configuration.accessTokenLifetime == 5)
    #expect(settings.configuration.rateLimit == .init(limit: 40, window: 1))
    #expect(try settings.faultPlan().pending.map(\.count) == [2, 1])
  }

  @Test(
    "bad switches name the variable and the value",
    arguments: [
      ("IMPTSH_SERVE_TOKEN_LIFETIME", "soon"), ("IMPTSH_SERVE_TOKEN_LIFETIME", "0"),
      ("IMPTSH_SERVE_RATE_LIMIT", "40"), ("IMPTSH_SERVE_RATE_LIMIT", "0/1"),
      ("IMPTSH_SERVE_RATE_LIMIT", "40/-1"),
    ])
  func badSwitchesAreRefused(name: String, value: String) {
    #expect {
      try ServeSettings(environment: [name: value])
    } throws: { error in
      guard let error = error as? CommandError else { return false }
      return error.id == "serve.badSetting" && error.message.contains("\(name) is '\(value)'")
        && !error.help.isEmpty
    }
  }

  @Test func badFaultsNameTheItem() throws {
    let settings = try ServeSettings(environment: ["IMPTSH_SERVE_FAULTS": "429,slow"])
    #expect {
      try settings.faultPlan()
    } throws: { error in
      (error as? CommandError)?.message.contains("unknown fault 'slow'") == true
    }
  }
}
