import Testing

@testable import ImptLanguage

private func ids(_ script: String, context: CheckContext = CheckContext()) -> [String] {
  check(script, context: context).map {
    "\($0.id)@\($0.range.start.line):\($0.range.start.column)"
  }
}

private func only(_ script: String, context: CheckContext = CheckContext()) -> Diagnostic? {
  let diagnostics = check(script, context: context)
  #expect(diagnostics.count == 1, "\(diagnostics.map(\.message))")
  return diagnostics.first
}

struct CheckerTests {
  static let clean: [String] = [
    "product create --name MyProduct --descr \"My product\"",
    "impt product create -n MyProduct -s \"\"",
    "dg create --name X --dg-type production --product P",
    "dg create --name=X --dg-type=factory -p P",
    "dg update --dg X --load-code-after-blessing false",
    "dg update --dg X -l",
    "dg restart --dg X --confirmed false",
    "device list --dg A --dg B --online",
    "build list --tag a",
    "log get --device d1 --page-size 5 --page-number=3",
    "webhook create --dg A --url http://x --event blessing --mime json",
    "product list -z json",
    "product list --output minimal",
    "devicegroup list",
    "dg create --name X --descr -5 --product P",
    "let g = dg info --dg A\necho $g.name $g.type $g.target $g.current_deployment",
    "let d = device list\necho $d.mac $d[0].online $d[0].devicegroup",
    "device list | where online and rssi > -60 | select id name mac | first 2",
    "device list | sort -r last_enrolled_at | get agent",
    "build list | where tags[0] == \"rc\" | each { $it.sha }",
    "device list --dg A | device restart",
    "dg list | device list",
    "device list | where $it.name == \"x\"",
    "use dg A\ndg info\nwebhook create --url u --event blinkup --mime urlencoded",
    "use product P\ndg create --name X",
    "for d in device list { device restart --device $d }",
    "try { fail now } catch { echo $error.message $error.line }",
    "echo $env.HOME $args $status",
    "exit 3",
    "help\nhelp dg\nhelp dg create\nhelp where\ndg create --help",
    "device list | where name =~ \"^h.*\"",
    "let r = {name: \"x\", n: 1}\necho $r.name",
    "echo \"${ dg list | count }\"",
    "record start x.imptsh\nrecord stop",
    "explain dg create --name X --product P",
  ]

  @Test(arguments: clean)
  func acceptsWellFormedScripts(script: String) {
    #expect(check(script).isEmpty, "\(check(script).map { "\($0.id): \($0.message)" })")
  }

  static let table: [(String, [String])] = [
    ("prodcut list", ["check.unknownCommand@1:1"]),
    ("product craete --name x", ["check.unknownCommand@1:9"]),
    ("product", ["check.missingVerb@1:1"]),
    ("product create --nmae X", ["check.unknownOption@1:16", "check.missingOption@1:1"]),
    ("product create -x X --name Y", ["check.unknownOption@1:16"]),
    ("log get -device d1", ["check.unknownOption@1:9", "check.missingOption@1:1"]),
    ("product create --name A --name B", ["check.repeatedOption@1:25"]),
    ("product create", ["check.missingOption@1:1"]),
    ("dg info", ["check.missingOption@1:1"]),
    ("product create --name", ["check.missingValue@1:16"]),
    ("product create --name --descr x", ["check.missingValue@1:16"]),
    ("log get --device d --page-size abc", ["check.badValue@1:32"]),
    ("log get --device d --page-size 0", ["check.badValue@1:32"]),
    ("log get --device d -s 1.5", ["check.badValue@1:23"]),
    ("dg create --name X --product P --dg-type prod", ["check.badValue@1:42"]),
    ("dg restart --dg X --confirmed yes", ["check.badValue@1:31"]),
    ("dg update --dg X -l=maybe", ["check.badValue@1:21"]),
    ("product create --name \"\"", ["check.emptyValue@1:23"]),
    ("product create --name=", ["check.emptyValue@1:16"]),
    ("dg list -y factory -y nope", ["check.badValue@1:23"]),
    ("product list -z yaml", ["check.badValue@1:17"]),
    ("let f = \"json\"\nproduct list -z $f", ["check.badValue@2:17"]),
    ("product create --name X extra", ["check.unexpectedArgument@1:25"]),
    ("product list | product create --name X", ["check.noPipeInput@1:16"]),
    ("device list | device restart --device d1", ["check.pipeConflict@1:30"]),
    ("dg list | device restart", ["check.pipeKindMismatch@1:11"]),
    ("count", ["check.needsInput@1:1"]),
    ("where online", ["check.needsInput@1:1"]),
    ("echo (online)", ["check.unknownCommand@1:7"]),
    ("if online { }", ["check.fieldWithoutInput@1:4"]),
    ("echo $nmae", ["check.unknownVariable@1:6"]),
    ("echo $it", ["check.unknownVariable@1:6"]),
    ("echo $error", ["check.unknownVariable@1:6"]),
    ("let status = 1", ["check.reservedName@1:5"]),
    ("for it in $args { }", ["check.reservedName@1:5"]),
    ("let d = device info --device d1\necho $d.mca", ["check.unknownField@2:8"]),
    ("device list | where onlin", ["check.unknownField@1:21"]),
    ("device list | where type == production", ["check.unknownField@1:29"]),
    ("device list | select id nmae", ["check.unknownField@1:25"]),
    ("device list | sort nme", ["check.unknownField@1:20"]),
    ("device list | get nam", ["check.unknownField@1:19"]),
    ("let r = {a: 1}\necho $r.b", ["check.unknownField@2:8"]),
    ("let n = device list | count\necho $n.x", ["check.noFields@2:8"]),
    ("let n = 3\necho $n[0]", ["check.notIndexable@2:8"]),
    ("device list | where name", ["check.notCondition@1:21"]),
    ("if (device list | count) { }", ["check.notCondition@1:4"]),
    ("exit later", ["check.badExit@1:6"]),
    ("exit 300", ["check.badExit@1:6"]),
    ("device list | first x", ["check.badCount@1:21"]),
    ("device list | last -1", ["check.badCount@1:20"]),
    ("device list | where name =~ \"(\"", ["check.badRegex@1:29"]),
    ("help prodct", ["check.unknownHelpTopic@1:1"]),
    ("help dg craete", ["check.unknownHelpTopic@1:1"]),
    ("use devicegroup X", ["check.unknownUseTarget@1:5"]),
    ("use dg", ["check.missingUseValue@1:1"]),
    ("use none X", ["check.unexpectedUseValue@1:10"]),
    ("record", ["check.badRecordAction@1:1"]),
    ("record begin x", ["check.badRecordAction@1:8"]),
    ("record stop x", ["check.badRecordAction@1:13"]),
    ("sandbox add-devices --count 2", ["check.sandboxOnly@1:1"]),
    ("explain $x", ["check.explainNeedsCommand@1:9", "check.unknownVariable@1:9"]),
    ("use none\ndg info", ["check.missingOption@2:1"]),
    ("if $a { let x = 1 }\necho $x", ["check.unknownVariable@1:4", "check.unknownVariable@2:6"]),
  ]

  @Test(arguments: table)
  func reportsEveryMistakeWithItsPlace(script: String, expected: [String]) {
    #expect(ids(script) == expected)
  }

  static let suggestions: [(String, String)] = [
    ("prodcut list", "did you mean 'product'?"),
    ("product craete --name x", "did you mean 'product create'?"),
    ("product create --nmae X", "did you mean '--name'?"),
    ("dg create --name X --product P --dg-type prodution", "did you mean 'production'?"),
    ("let count = 1\necho $cuont", "did you mean '$count'?"),
    ("let d = device info --device d1\necho $d.mca", "did you mean 'mac'?"),
    ("device list | where onlin", "did you mean 'online'?"),
    ("help prodct", "did you mean 'product'?"),
    ("use prodct X", "did you mean 'product'?"),
  ]

  @Test(arguments: suggestions)
  func suggestsCloseMatches(script: String, help: String) {
    let diagnostics = check(script)
    #expect(diagnostics.contains { $0.help.contains(help) }, "\(diagnostics.map(\.help))")
  }

  @Test func suggestsNothingForDistantWords() {
    let diagnostic = only("zebra list")
    #expect(diagnostic?.help == ["Type 'help' to list the commands."])
  }

  @Test func singleDashLongOptionsGetTheirTwoDashForm() {
    let diagnostic = check("log get -device d1").first
    #expect(diagnostic?.message == "unknown option '-device' for 'log get'")
    #expect(diagnostic?.help.first == "Long options take two dashes: '--device'.")
  }

  @Test func messagesSpeakInTheCatalogueVoice() {
    #expect(only("product create --name")?.message == "expected a value after '--name'")
    #expect(
      only("dg create --name X --product P --dg-type prod")?.message
        == "expected one of 'development', 'pre-factory', 'pre-dut', 'pre-production', 'factory', 'dut' or 'production' for '--dg-type', found 'prod'"
    )
    #expect(
      only("log get --device d --page-size 0")?.message
        == "expected a whole number of at least 1 for '--page-size', found '0'")
    #expect(only("dg info")?.help == ["Give '--dg DG', or choose one first with 'use dg NAME'."])
    let repeated = only("product create --name A --name B")
    #expect(repeated?.notes.first?.message == "first given here")
    #expect(repeated?.notes.first?.range?.start.column == 16)
  }

  @Test func secretValuesStayOutOfMessages() {
    let diagnostics = check("loginkey create --pwd \"\" --pwd hunter2")
    #expect(diagnostics.allSatisfy { !$0.message.contains("hunter2") })
  }

  @Test func sessionContextSatisfiesContextOptions() {
    let context = CheckContext(contextSlots: [.deviceGroup])
    #expect(check("dg info\ndg restart", context: context).isEmpty)
    #expect(ids("product info") == ["check.missingOption@1:1"])
    #expect(check("use dg A\nproduct info").isEmpty)
  }

  @Test func sandboxCommandsCheckOnTheSandbox() {
    #expect(check("sandbox add-devices --count 2", context: CheckContext(isSandbox: true)).isEmpty)
  }

  @Test func variablesFromEarlierLinesAreKnownWithTheirTypes() {
    let context = CheckContext(variables: ["d": .list(.entity(.device))])
    #expect(check("echo $d.mac", context: context).isEmpty)
    #expect(check("echo $d.flagged", context: context).map(\.id) == ["check.unknownField"])
  }

  @Test func sourcedFilesAreCheckedWithTheScript() {
    let files = ["lib.imptsh": "let shared = dg info --dg A\nprodcut list"]
    let context = CheckContext(loadSource: { path, _ in
      guard let text = files[path] else { throw FakeError(id: "x", message: "no such file") }
      return SourceFile(path: path, text: text)
    })
    let diagnostics = check(
      "source lib.imptsh\necho $shared.name\nsource missing.imptsh", context: context)
    #expect(
      diagnostics.map { "\($0.id)@\($0.range.location)" } == [
        "check.unknownCommand@lib.imptsh:2:1", "check.sourceUnreadable@t:3:8",
      ])
  }

  @Test func sourceCyclesAreMistakes() {
    let context = CheckContext(loadSource: { path, _ in
      SourceFile(path: path, text: "source \(path)")
    })
    #expect(check("source a.imptsh", context: context).map(\.id) == ["check.sourceCycle"])
  }

  @Test func sourceOfAComputedNameLeavesLaterVariablesOpen() {
    #expect(check("source $1\necho $defined_there").isEmpty)
  }

  static let noTerminal = CheckContext(canConfirm: false)

  @Test(
    "without a terminal a command that always asks needs --confirmed before anything runs",
    arguments: [
      ("dg restart --dg X", ["check.needsConfirmation@1:1"]),
      ("dg restart --dg X --confirmed false", ["check.needsConfirmation@1:1"]),
      ("device list | device restart", ["check.needsConfirmation@1:15"]),
      ("echo a\nif true { dg restart --dg X }", ["check.needsConfirmation@2:11"]),
      ("dg restart --dg X --confirmed", []),
      ("dg restart --dg X -q", []),
      ("explain dg restart --dg X", []),
      ("device assign --device d1 --dg X", []),
      ("dg restart --help", []),
    ])
  func unconfirmedCommandsAreRefusedWithoutATerminal(script: String, expected: [String]) {
    #expect(ids(script, context: Self.noTerminal) == expected)
  }

  @Test func unconfirmedCommandsPassWhereATerminalCanAnswer() {
    #expect(ids("dg restart --dg X").isEmpty)
  }

  @Test func theRefusalSaysWhatToAdd() {
    let diagnostic = only("dg restart --dg X", context: Self.noTerminal)
    #expect(
      diagnostic?.message == "'dg restart' asks for confirmation and nothing can answer it here")
    #expect(diagnostic?.help == ["Add --confirmed."])
  }
}

@Suite struct DiagnosticOrderTests {
  @Test func parseAndCheckErrorsAreReportedInSourceOrder() async {
    let script = "prodcut list\necho ok\nlet = 4\ndg info --nope\nif { }"
    let (outcome, _) = await run(script)
    #expect(outcome.status == 2)
    let lines = outcome.diagnostics.map(\.range.start.line)
    #expect(lines == lines.sorted(), "\(outcome.diagnostics.map(\.message))")
    #expect(Set(lines) == [1, 3, 4, 5])
  }

  @Test func eachFileKeepsItsPlacesAmongTheOthers() {
    func at(_ file: String, _ line: Int) -> Diagnostic {
      Diagnostic(
        id: "x", message: "\(file):\(line)",
        range: SourceRange(
          file: file, start: SourcePosition(line: line, column: 1),
          end: SourcePosition(line: line, column: 2)))
    }
    let given = [at("a", 7), at("b", 2), at("a", 3), at("b", 1)]
    #expect(given.inSourceOrder().map(\.message) == ["a:3", "b:1", "a:7", "b:2"])
  }
}
