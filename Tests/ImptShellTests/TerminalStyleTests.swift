import ImptLanguage
import Testing

@testable import ImptShell

@Suite struct TerminalStyleTests {
  @Test(
    "colours only a terminal without NO_COLOR or --no-color",
    arguments: [
      (false, [:], true, true),
      (false, ["NO_COLOR": ""], true, true),
      (false, ["NO_COLOR": "1"], true, false),
      (true, [:], true, false),
      (false, [:], false, false),
      (false, ["TERM": "xterm"], false, false),
    ] as [(Bool, [String: String], Bool, Bool)])
  func decidesColour(flag: Bool, environment: [String: String], terminal: Bool, on: Bool) {
    let colors = Colors(noColorFlag: flag, environment: environment, outputIsTerminal: terminal)

    #expect(colors.isEnabled == on)
  }

  @Test("wraps text in escape sequences only when colour is on")
  func stylesText() {
    let on = Colors(isEnabled: true)

    #expect(on.red("error") == "\u{1b}[31merror\u{1b}[0m")
    #expect(on.bold("x") == "\u{1b}[1mx\u{1b}[0m")
    #expect(Colors.off.red("error") == "error")
    #expect(Colors.off.cyan(Colors.off.dim("x")) == "x")
  }

  @Test(
    "marks escape sequences so libedit leaves them out of the prompt width",
    arguments: [
      ("imptsh> ", "imptsh> "),
      ("\u{1b}[36mimptsh\u{1b}[0m> ", "\u{1}\u{1b}[36m\u{1}imptsh\u{1}\u{1b}[0m\u{1}> "),
      (
        "\u{1b}[1m\u{1b}[36mx\u{1b}[0m\u{1b}[0m> ",
        "\u{1}\u{1b}[1m\u{1b}[36m\u{1}x\u{1}\u{1b}[0m\u{1b}[0m\u{1}> "
      ),
      ("\u{1b}[1mimptsh> \u{1b}[0m", "\u{1}\u{1b}[1m\u{1}imptsh>\u{1}\u{1b}[0m\u{1} "),
      ("\u{1}\u{1b}[36m\u{1}x> ", "\u{1}\u{1b}[36m\u{1}x> "),
      ("\u{1b}[0m", ""),
    ])
  func marksPromptEscapes(prompt: String, marked: String) {
    #expect(PromptMarkup.mark(prompt) == marked)
  }
}
