import Testing

@testable import ImptLanguage

private func echoed(_ script: String, arguments: [String] = []) async -> [String] {
  let (outcome, journal) = await run(script, arguments: arguments)
  #expect(outcome.status == 0, "\(outcome.diagnostics.map(\.message))")
  return journal.echoed
}

private func failure(_ script: String, arguments: [String] = []) async -> Diagnostic? {
  let (outcome, _) = await run(script, arguments: arguments)
  #expect(outcome.status == 1)
  return outcome.diagnostics.first
}

struct VariableTests {
  static let interpolations: [(String, String)] = [
    ("let n = 12\necho \"n: $n\"", "n: 12"),
    ("let n = 1.5\necho \"$n\"", "1.5"),
    (
      "let d = device info --device d2\necho \"$d.name ($d.mac) $d\"",
      "kitchen (0c:2a:69:00:00:02) d2"
    ),
    (
      "let b = build info --build b1\necho \"$b.tags[0] $b.tags[-1] $b.tags\"",
      #"rc v1 ["rc","v1"]"#
    ),
    ("echo \"${ device list | count } devices\"", "6 devices"),
    ("let x = \"dev\"\necho \"${x}ice\"", "device"),
    ("let x = \"a\"\necho '$x' \"\\$x\" $x-b", "$x $x a-b"),
    ("let r = {name: \"x\", n: null}\necho $r $r.n", #"{"name":"x","n":null} null"#),
    ("echo \"tab\\tend\"", "tab\tend"),
    ("let ok = device list | count\necho \"${$ok == 6}\"", "true"),
  ]

  @Test(arguments: interpolations)
  func interpolationShowsValuesAsText(script: String, expected: String) async {
    #expect(await echoed(script) == [expected])
  }

  @Test func scriptArgumentsAndEnvironmentAreVariables() async {
    let lines = await echoed(
      "echo $0 $1 $2 ($args | count) $env.STAGE $env.NOPE", arguments: ["a", "b c"])
    #expect(lines == ["test.imptsh a b c 2 test null"])
  }

  @Test(
    "a null put into text is an error naming what was null",
    arguments: [
      (
        "product create --name \"$env.NOPE_X\"", "'$env.NOPE_X' has no value to put in this text",
        "Set the environment variable, or test it first with 'if $env.NOPE_X != null { … }'."
      ),
      (
        "let p = {region: null}\necho \"region: $p.region\"",
        "'$p.region' has no value to put in this text",
        "Give it a value, or test it first with 'if $p.region != null { … }'."
      ),
      (
        "let x = null\necho \"x=$x\"", "'$x' has no value to put in this text",
        "Give it a value, or test it first with 'if $x != null { … }'."
      ),
    ])
  func nullInTextIsAnError(script: String, message: String, help: String) async {
    let (outcome, journal) = await run(script)
    #expect(outcome.status == 1)
    let diagnostic = outcome.diagnostics.first
    #expect(diagnostic?.id == "run.nullInText")
    #expect(diagnostic?.message == message)
    #expect(diagnostic?.help == [help])
    #expect(journal.invocations.isEmpty, "nothing should be created with the text 'null'")
    #expect(journal.echoed.isEmpty)
  }

  @Test func aNullEchoedOnItsOwnStillPrintsNull() async {
    #expect(await echoed("echo $env.NOPE_X") == ["null"])
  }

  @Test func aMissingScriptArgumentFails() async {
    let diagnostic = await failure("echo $3", arguments: ["a"])
    #expect(diagnostic?.id == "run.missingArgument")
    #expect(diagnostic?.message == "'$3' has no value: the script was given 1 argument")
  }

  @Test func variablesInBlocksAreLocalToThem() async {
    #expect(await echoed("let x = 1\nif true { let x = 2\necho $x }\necho $x") == ["2", "1"])
  }

  @Test func paths() async {
    #expect(
      await echoed("let d = device list\necho $d[0].name $d[-1].id $d.online[1]") == [
        "hall d6 true"
      ])
    #expect(await echoed("let g = dg info --dg Dev\necho $g.target $g.product") == ["null p1"])
  }

  @Test func indexPastTheEndFails() async {
    let diagnostic = await failure("let d = device list\necho $d[9]")
    #expect(diagnostic?.id == "run.indexOutOfRange")
    #expect(diagnostic?.message == "index 9 is outside a list of 6")
    #expect(diagnostic?.range.location == "test.imptsh:2:8")
  }

  @Test func indexingAScalarFailsWhenTheTypeWasNotKnown() async {
    #expect(await failure("echo $env.HOME[0]")?.id == "run.notIndexable")
  }

  @Test func countsComputedAtRunTimeMustBeWholeNumbers() async {
    let diagnostic = await failure("let n = $env.STAGE\ndevice list | first $n")
    #expect(diagnostic?.id == "run.badCount")
    #expect(diagnostic?.message == "expected a whole number of items after 'first', found text")
  }

  @Test func variablesASourcedFileDidNotDefineFailWhenRead() async {
    var host = FakeHost()
    host.files = ["empty.imptsh": "# nothing here"]
    let (outcome, _) = await run(
      "source $1\necho $promised", arguments: ["empty.imptsh"], host: host)
    #expect(outcome.diagnostics.map(\.id) == ["run.unknownVariable"])
    #expect(outcome.diagnostics.first?.message == "'$promised' has no value")
  }

  @Test func fieldsOfScalarsFailWhenTheTypeWasNotKnown() async {
    let diagnostic = await failure("echo $env.HOME.name")
    #expect(diagnostic?.id == "run.noFields")
  }

  static let comparisons: [(String, Bool)] = [
    ("$g == \"dg3\"", true),
    ("$g == $g", true),
    ("\"b\" < \"c\"", true),
    ("2 >= 2", true),
    ("null < 1", false),
    ("null == null", true),
    ("[1, 2] == [1, 2]", true),
    ("{a: 1} != {a: 2}", true),
    ("\"hall\" =~ \"^h\"", true),
    ("12 =~ \"^1\"", true),
    ("null =~ \"x\"", false),
    ("null !~ \"x\"", true),
    ("true and not false", true),
    ("false or null", false),
  ]

  @Test(arguments: comparisons)
  func comparisonsFollowTheLanguageRules(condition: String, expected: Bool) async {
    let lines = await echoed(
      "let g = dg info --dg Dev\nif \(condition) { echo yes } else { echo no }")
    #expect(lines == [expected ? "yes" : "no"])
  }

  @Test func comparingUnlikeValuesFails() async {
    let diagnostic = await failure("let n = $env.HOME\nif $n < 3 { echo x }")
    #expect(diagnostic?.id == "run.cannotCompare")
    #expect(diagnostic?.message == "cannot compare text with a number using '<'")
  }

  @Test func conditionsMustBeTrueOrFalse() async {
    let diagnostic = await failure("if $env.HOME { echo x }")
    #expect(diagnostic?.id == "run.notCondition")
    #expect(diagnostic?.message == "expected a condition (true or false), found text")
  }

  @Test func badRegularExpressionsComputedAtRunTimeFail() async {
    let diagnostic = await failure("let p = \"(\"\nif \"x\" =~ $p { echo x }")
    #expect(diagnostic?.id == "run.badRegex")
  }
}
