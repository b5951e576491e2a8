import Foundation
import ImpCentral
import ImptCommands
import ImptLanguage
import Testing

@testable import ImptShell

/// Text from the service (names, descriptions, log lines) never reaches the terminal with
/// its control characters raw: they show as `\u{…}` escapes everywhere the shell shows
/// text, and JSON stays JSON.
@Suite struct ControlCharacterTests {
  /// ESC sequences that clear the screen and turn it red, BEL, DEL and a C1 control.
  static let evil = "EVIL\u{1B}[2J\u{1B}[31mRED\u{7}\u{7F}\u{9B}"
  static let shown = #"EVIL\u{1B}[2J\u{1B}[31mRED\u{7}\u{7F}\u{9B}"#

  /// Whether the text holds a control character other than newline.
  static func hasRawControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
      scalar != "\n" && (scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value))
    }
  }

  private static let record = Record([
    ("id", .string("p1")), ("name", .string(evil)), ("description", .string("a\n\(evil)")),
  ])

  @Test(arguments: [
    Value.list([.record(record), .record(record)]), .record(record), .string(evil),
  ])
  func tablesAndKeyValueLinesShowControlCharactersAsEscapes(value: Value) {
    let text = Renderer(options: RenderOptions(mode: .table, width: 200)).render(value)
    #expect(!Self.hasRawControl(text), "\(text.debugDescription)")
    #expect(text.contains(Self.shown), "\(text)")
  }

  @Test func minimalOutputShowsThemAsEscapesToo() {
    let text = Renderer(options: RenderOptions(mode: .minimal)).render(.string(Self.evil))
    #expect(text == Self.shown + "\n")
  }

  @Test func jsonOutputStaysValidJSONWithTheTextIntact() throws {
    let text = Renderer(options: RenderOptions(mode: .json)).render(.record(Self.record))
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    let parsed = try JSONValue.parse(Data(text.utf8))
    #expect(parsed["name"]?.stringValue == Self.evil)
  }

  @Test func errorMessagesShowThemAsEscapes() async throws {
    let shell = try await ScriptedShell.onSandbox()
    let result = await shell.capture(#"product info --product "X\u{1B}[2J""#)
    #expect(result.status == 1)
    #expect(!Self.hasRawControl(result.err), "\(result.err.debugDescription)")
    #expect(result.err.contains(#"X\u{1B}[2J"#), "\(result.err)")
  }

  @Test func notesAndStreamedLinesShowThemAsEscapes() async throws {
    let shell = try await ScriptedShell.onSandbox()
    let services = try #require(
      ShellHost(session: shell.session).commandContext as? any CommandServices)
    services.note("deleted product '\(Self.evil)'")
    services.emit(
      .record(Record([("ts", .string("2026-12-03T10:00:00Z")), ("msg", .string(Self.evil))])))
    #expect(!Self.hasRawControl(shell.output.standardError))
    #expect(shell.output.standardError.contains(Self.shown))
    #expect(!Self.hasRawControl(shell.output.standardOutput))
    #expect(shell.output.standardOutput.contains(Self.shown))
  }

  @Test func thePromptShowsThemAsEscapes() async throws {
    let shell = try await ScriptedShell.onSandbox()
    shell.session.context = SessionContext(productID: "p1", productName: Self.evil)
    #expect(!Self.hasRawControl(shell.session.prompt))
    #expect(shell.session.prompt.contains(Self.shown))
  }
}
