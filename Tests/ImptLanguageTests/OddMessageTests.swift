import Testing

@testable import ImptLanguage

/// Messages that used to read oddly (from a new user's trial), each now saying what is
/// wrong and how to fix it.
struct OddMessageTests {
  @Test(
    "malformed statements say what is missing",
    arguments: [
      (
        "let = 4", "expected a variable name after 'let', found '='",
        ["Name the variable: 'let NAME = VALUE'."]
      ),
      (
        "if { }", "expected a condition after 'if', found '{'",
        ["Write the condition before the block: 'if $n > 0 { … }'."]
      ),
      (
        "if { echo a } else { echo b }", "expected a condition after 'if', found '{'",
        ["Write the condition before the block: 'if $n > 0 { … }'."]
      ),
    ])
  func malformedStatementsSayWhatIsMissing(script: String, message: String, help: [String]) {
    let diagnostics = check(script)
    #expect(diagnostics.map(\.message) == [message])
    #expect(diagnostics.first?.help == help)
  }

  @Test func anUnreadableSourceSaysSoOnce() async {
    var host = FakeHost()
    host.files = [:]
    let (outcome, _) = await run("source missing.imptsh", host: host)
    let message = outcome.diagnostics.first?.message ?? ""
    #expect(message.components(separatedBy: "cannot read").count == 2, "\(message)")
    #expect(message.contains("'missing.imptsh'"))
  }

  @Test func helpOnHelpIsATopic() async {
    let (outcome, journal) = await run("help help")
    #expect(outcome.status == 0, "\(outcome.diagnostics.map(\.message))")
    #expect(journal.update { $0.help } == ["language help"])
  }

  @Test(
    "an abbreviated choice gets a suggestion",
    arguments: [("prod", "production"), ("dev", "development"), ("fact", "factory")])
  func abbreviatedChoiceGetsASuggestion(written: String, meant: String) {
    let diagnostics = check("dg create --name X --product P --dg-type \(written)")
    #expect(diagnostics.first?.help == ["did you mean '\(meant)'?"])
  }

  @Test func anAmbiguousAbbreviationGetsNoGuess() {
    let diagnostics = check("dg create --name X --product P --dg-type pre")
    #expect(diagnostics.first?.help.isEmpty == true)
  }

  @Test(
    "comparing a Boolean or number field with text is an error with the way to write it",
    arguments: [
      ("device list | where online == \"true\"", "Write the value without quotes: '== true'."),
      ("device list | where \"false\" != online", "Write the value without quotes: '!= false'."),
      ("device list | where online == \"yes\"", "Compare with true or false, without quotes."),
    ])
  func textAgainstABooleanFieldIsAnError(script: String, help: String) {
    let diagnostics = check(script)
    #expect(diagnostics.map(\.id) == ["check.textComparedWithScalar"])
    #expect(diagnostics.first?.help == [help])
  }

  @Test func textAgainstABooleanAtRunTimeIsAnErrorToo() async {
    let (outcome, _) = await run(
      "let flag = true\nlet word = \"true\"\nif $flag == $word { echo y }")
    #expect(outcome.status == 1)
    #expect(outcome.diagnostics.first?.id == "run.cannotCompare")
  }

  @Test func textAgainstTextStillCompares() {
    #expect(check("device list | where name == \"d1\"").isEmpty)
  }
}
