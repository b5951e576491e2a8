import Testing

@testable import ImptLanguage

private func render(_ script: String, style: DiagnosticRenderer.Style) -> String {
  let parsed = Parser.parse(script, file: "deploy.imptsh")
  let checked = Checker.check(parsed.script, catalogue: FakeCatalogue.catalogue)
  let renderer = DiagnosticRenderer(style: style, redacting: checked.secretRanges)
  return renderer.render(parsed.diagnostics + checked.diagnostics) { _ in script }
}

struct RenderingTests {
  @Test func caretFormQuotesTheLineAndMarksTheRange() {
    let expected = """
      error: unknown option '--nmae' for 'product create'
        --> deploy.imptsh:1:16
         |
       1 | product create --nmae X --name Y
         |                ^~~~~~
      help: did you mean '--name'?
      help: Type 'product create --help' to list its options.

      """
    #expect(render("product create --nmae X --name Y", style: .caret) == expected)
  }

  @Test func plainFormNamesFileLineAndColumn() {
    let expected = """
      deploy.imptsh:2:24: error: expected a whole number of at least 1 for '--page-size', found '0'
      deploy.imptsh:3:1: error: 'dg info' needs '--dg'
      help: Give '--dg DG', or choose one first with 'use dg NAME'.

      """
    #expect(render("echo ok\nlog get --device d1 -s 0\ndg info", style: .plain) == expected)
  }

  @Test func notesPointAtTheirOwnPlace() {
    let expected = """
      deploy.imptsh:1:25: error: '--name' is given more than once
      deploy.imptsh:1:16: note: first given here
      help: Give '--name' once; only options that collect several values repeat.

      """
    #expect(render("product create --name A --name B", style: .plain) == expected)
  }

  @Test func caretsLineUpWithTabsAndWideLineNumbers() {
    let script = String(repeating: "\n", count: 11) + "\tprodcut list"
    let expected = """
      error: unknown command 'prodcut'
         --> deploy.imptsh:12:2
          |
       12 | \tprodcut list
          | \t^~~~~~~
      help: did you mean 'product'?
      help: Type 'help' to list the commands.

      """
    #expect(render(script, style: .caret) == expected)
  }

  @Test func secretValuesAreMaskedInQuotedLines() {
    let output = render("loginkey create --pwd hunter2 --nope", style: .caret)
    #expect(!output.contains("hunter2"))
    #expect(output.contains(" 1 | loginkey create --pwd *** --nope"))
  }

  @Test(
    "secrets show as a fixed *** and the caret still points at its place",
    arguments: [
      (
        "loginkey create --pwd hunter2 --nope",
        """
        error: unknown option '--nope' for 'loginkey create'
          --> deploy.imptsh:1:31
           |
         1 | loginkey create --pwd *** --nope
           |                           ^~~~~~
        help: Type 'loginkey create --help' to list its options.

        """
      ),
      (
        "loginkey create --pwd a --nope",
        """
        error: unknown option '--nope' for 'loginkey create'
          --> deploy.imptsh:1:25
           |
         1 | loginkey create --pwd *** --nope
           |                           ^~~~~~
        help: Type 'loginkey create --help' to list its options.

        """
      ),
      (
        "loginkey create --pdw SECRETtypo4",
        """
        error: unknown option '--pdw' for 'loginkey create'
          --> deploy.imptsh:1:17
           |
         1 | loginkey create --pdw ***
           |                 ^~~~~
        help: did you mean '--pwd'?
        help: Type 'loginkey create --help' to list its options.

        """
      ),
      (
        "loginkey create -wSECRETjoined3",
        """
        error: '-w***' is not an option
          --> deploy.imptsh:1:17
           |
         1 | loginkey create -w***
           |                 ^~~~~
        help: Put a space between the option and its value: '-w VALUE'.

        """
      ),
    ])
  func secretsShowAsAFixedMask(script: String, expected: String) {
    #expect(render(script, style: .caret) == expected)
  }

  @Test func joinedShortOptionThatIsNotSecretSaysHowToWriteIt() {
    let expected = """
      deploy.imptsh:1:16: error: '-nMine' is not an option
      help: Put a space between the option and its value: '-n Mine'.

      """
    #expect(render("product create -nMine", style: .plain) == expected)
  }

  @Test func secretWrittenInTheEqualsFormOfAMisspeltOptionIsMasked() {
    let output = render("loginkey create --passwd=hunter2", style: .caret)
    #expect(!output.contains("hunter2"))
    #expect(output.contains(" 1 | loginkey create --passwd=***"))
  }

  @Test func unfinishedInputSaysWhatIsOpen() {
    let expected = """
      deploy.imptsh:1:9: error: expected '}' to match this '{'
      help: Add '}' where the block ends.

      """
    #expect(render("if true {\n  echo a", style: .plain) == expected)
  }

  @Test func colourWrapsSeverityAndHelp() {
    let diagnostic = Diagnostic(
      id: "x.y", message: "m",
      range: SourceRange(
        file: "f", start: SourcePosition(line: 1, column: 1),
        end: SourcePosition(line: 1, column: 2)),
      help: ["Do it."])
    let output = DiagnosticRenderer(style: .plain, color: true).render(diagnostic) { _ in nil }
    #expect(output == "f:1:1: \u{1B}[1;31merror\u{1B}[0m: m\n\u{1B}[1;36mhelp\u{1B}[0m: Do it.\n")
  }

  @Test func outcomesRenderWithTheirOwnSources() async {
    var host = FakeHost()
    host.files = ["lib.imptsh": "echo ok\nloginkey create --pwd hunter2 --bogus"]
    let interpreter = Interpreter(catalogue: FakeCatalogue.catalogue, host: host)
    let outcome = await interpreter.run("source lib.imptsh", file: "main.imptsh")
    let expected = """
      error: unknown option '--bogus' for 'loginkey create'
        --> lib.imptsh:2:31
         |
       2 | loginkey create --pwd *** --bogus
         |                           ^~~~~~~
      help: Type 'loginkey create --help' to list its options.

      """
    #expect(outcome.render(style: .caret) == expected)
  }

  @Test func missingSourceStillShowsThePlace() {
    let diagnostic = Diagnostic(
      id: "x.y", message: "m",
      range: SourceRange(
        file: "gone", start: SourcePosition(line: 3, column: 4),
        end: SourcePosition(line: 3, column: 4)))
    let output = DiagnosticRenderer(style: .caret).render(diagnostic) { _ in nil }
    #expect(output == "error: m\n  --> gone:3:4\n")
  }
}
