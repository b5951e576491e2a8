import Foundation
import ImpCentral
import ImptLanguage
import Synchronization
import Testing

@testable import ImptShell

/// Tables fit the terminal as it is now, and keep ids whole so they can be copied.
@Suite struct TableWidthTests {
  private static let id = "3c72e0df-7be5-bf27-e424-8f1e4a5c2b10"

  private static let webhooks = Value.list(
    (1...2).map { number in
      .record(
        Record([
          ("id", .string(id)),
          ("url", .string("https://example.com/a/rather/long/path/for/webhook/\(number)")),
          ("event", .string("blessing")), ("content_type", .string("application/json")),
        ]))
    })

  @Test(arguments: [70, 80, 120])
  func theIdColumnIsNotCutWhileOthersCanGiveWay(width: Int) {
    let text = Renderer(options: RenderOptions(mode: .table, width: width)).render(Self.webhooks)
    #expect(text.contains(Self.id), "\(text)")
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= width }, "\(text)")
  }

  @Test func idsAreCutLastWhenNothingElseCanShrink() {
    let text = Renderer(options: RenderOptions(mode: .table, width: 50)).render(Self.webhooks)
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 50 }, "\(text)")
    #expect(text.contains(String(Self.id.prefix(10))) && !text.contains(Self.id), "\(text)")
  }

  @Test func tablesUseTheTerminalWidthAtTheTimeTheyAreShown() async throws {
    let width = Mutex(60)
    let output = CapturedOutput()
    let dataFolder = DataFolder(environment: ["XDG_DATA_HOME": NSTemporaryDirectory()])
    let connector = Connector(dataFolder: dataFolder, interaction: NoInteraction())
    let session = ShellSession(
      connection: try await connector.openSandbox(path: ":memory:", reason: "test"),
      output: output, interaction: NoInteraction(), render: RenderOptions(mode: .table),
      dataFolder: dataFolder, workingFolder: NSTemporaryDirectory(),
      terminalWidth: { width.withLock { $0 } })

    session.show(Self.webhooks)
    #expect(output.standardOutput.contains("…"))
    output.reset()
    width.withLock { $0 = 160 }
    session.show(Self.webhooks)
    #expect(!output.standardOutput.contains("…"), "\(output.standardOutput)")
  }
}
