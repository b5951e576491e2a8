import Foundation
import ImpCentral
import ImptCommands
import Testing

@testable import ImptShell

/// The production guide over HTTP asks the service no more than it needs.
@Suite(.timeLimit(.minutes(2)))
struct RequestEconomyTests {
  @Test func noCommandOfTheGuideRepeatsARead() async throws {
    let guide = ImptshBinary.packageRoot + "/scripts/production-guide.imptsh"
    let text = try String(contentsOfFile: guide, encoding: .utf8)
    let tally = CommandTally()
    let served = try await ServedShell.start(
      catalogue: tally.wrap(CommandCatalogue.standard), observer: tally.observe)
    defer { served.stop() }
    let runner = ShellRunner(session: served.shell.session, scriptName: guide)

    let outcome = await runner.run(text, file: guide)
    #expect(outcome.status == 0, "\(served.shell.output.standardError)")
    #expect(tally.commands.count > 40)
    for command in tally.commands {
      #expect(
        command.repeatedReads.isEmpty, "'\(command.name)' read again: \(command.repeatedReads)")
    }
  }
}
