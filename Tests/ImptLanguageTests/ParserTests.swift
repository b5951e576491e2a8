import Testing

@testable import ImptLanguage

private func dump(_ text: String) -> String {
  Parser.parse(text, file: "t").script.dump
}

private func errors(_ text: String) -> [String] {
  Parser.parse(text, file: "t").diagnostics.map {
    "\($0.id)@\($0.range.start.line):\($0.range.start.column)"
  }
}

struct ParserTests {
  static let constructs: [(String, String)] = [
    ("product list", "(cmd product list)"),
    ("impt product list", "(cmd product list)"),
    ("dg create -n X -y production", "(cmd dg create -n 'X' -y 'production')"),
    ("product update --descr=", "(cmd product update --descr='')"),
    ("product update --descr=\"\"", "(cmd product update --descr='')"),
    ("build deploy --descr -5", "(cmd build deploy --descr '-5')"),
    ("dg update --name=dg-$i", "(cmd dg update --name=(str 'dg-' $i))"),
    ("dg update --name \"dg $i\"x", "(cmd dg update --name (str 'dg ' $i 'x'))"),
    ("device list --dg ($g.id)", "(cmd device list --dg ($g.id))"),
    (
      "device list --dg (dg list | first).id",
      "(cmd device list --dg (access ((cmd dg list) | (first)) .id))"
    ),
    ("build update --tag [a, b]", "(cmd build update --tag ['a', 'b'])"),
    ("$x", "$x"),
    ("$x | count", "$x | count"),
    ("[1, 2, 3] | last 2", "[1, 2, 3] | (last 2)"),
    ("{name: \"x\"} | get name", "{name: 'x'} | (get name)"),
    ("{a:1, b: true}", "{a: 1, b: true}"),
    ("{\"my key\": null}", "{my key: null}"),
    ("12", "12"),
    ("let n = 3", "(let n 3)"),
    ("let $n = 3", "(let n 3)"),
    ("let ok = $n >= 3 and not $done", "(let ok (and (>= $n 3) (not $done)))"),
    ("let g = dg info --dg X", "(let g (cmd dg info --dg 'X'))"),
    (
      "device list | where online == false and name =~ \"^h\" or rssi < -60",
      "(cmd device list) | (where (or (and (== @online false) (=~ @name '^h')) (< @rssi -60)))"
    ),
    ("$d | where (online)", "$d | (where @online)"),
    (
      "$d | where (online or name == \"x\") and not (rssi < -60)",
      "$d | (where (and (or @online (== @name 'x')) (not (< @rssi -60))))"
    ),
    ("$d | where (dg list | count) > 2", "$d | (where (> ((cmd dg list) | count) 2))"),
    ("$d | where $it.tags[0] != null", "$d | (where (!= $it.tags[0] null))"),
    ("$d | where tags[0] == \"rc\"", "$d | (where (== (access @tags [0]) 'rc'))"),
    ("$d | first x", "$d | (first 'x')"),
    ("$d | where env_vars.stage !~ \"x\"", "$d | (where (!~ @env_vars.stage 'x'))"),
    ("$d | select id name mac", "$d | (select id name mac)"),
    ("$d | sort -r name", "$d | (sort -r name)"),
    ("$d | sort name --reverse", "$d | (sort -r name)"),
    ("$d | sort -r", "$d | (sort -r)"),
    ("$d | first", "$d | (first)"),
    ("$d | first $n", "$d | (first $n)"),
    ("$d | uniq | json", "$d | uniq | json"),
    ("$d | table", "$d | table"),
    ("$d | get devicegroup", "$d | (get devicegroup)"),
    ("$d | each { echo $it.name; $it.id }", "$d | (each {(echo $it.name); $it.id})"),
    ("if $a { echo a }", "(if $a {(echo 'a')})"),
    (
      "if $a { echo a } else if $b { echo b } else { echo c }",
      "(if $a {(echo 'a')} elif $b {(echo 'b')} else {(echo 'c')})"
    ),
    ("if $a {\n  echo a\n}\nelse {\n  echo b\n}", "(if $a {(echo 'a')} else {(echo 'b')})"),
    ("for d in $list { echo $d }", "(for d $list {(echo $d)})"),
    (
      "for d in device list --dg A { device restart --device $d }",
      "(for d (cmd device list --dg 'A') {(cmd device restart --device $d)})"
    ),
    ("assert $n == 3", "(assert (== $n 3))"),
    ("assert $n == 3 \"three\"", "(assert (== $n 3) 'three')"),
    ("source lib.imptsh", "(source 'lib.imptsh')"),
    ("exit", "(exit)"),
    ("exit 3", "(exit '3')"),
    ("try { fail now }", "(try {(cmd fail now)})"),
    (
      "try { fail now } catch { echo $error.message }",
      "(try {(cmd fail now)} catch {(echo $error.message)})"
    ),
    ("echo hello, world", "(echo (str 'hello' ',') 'world')"),
    ("echo \"offline: $n\" 'raw $n'", "(echo (str 'offline: ' $n) 'raw $n')"),
    ("echo \"${n}s\"", "(echo (str $n 's'))"),
    ("echo \"${$d | count} devices\"", "(echo (str ($d | count) ' devices'))"),
    ("use", "(use)"),
    ("use none", "(use none)"),
    ("use dg MyDG", "(use dg 'MyDG')"),
    ("use product $p", "(use product $p)"),
    ("explain dg create --name X", "(explain (cmd dg create --name 'X'))"),
    ("record start session.imptsh", "(record start 'session.imptsh')"),
    ("record stop", "(record stop)"),
    ("help", "(help)"),
    ("help dg create", "(help dg create)"),
    ("a; b\n\nc", "(cmd a)\n(cmd b)\n(cmd c)"),
    ("device list |\n  count", "(cmd device list) | count"),
    ("(device list\n  | count)", "((cmd device list) | count)"),
  ]

  @Test(arguments: constructs)
  func parsesEveryConstruct(input: String, expected: String) {
    let result = Parser.parse(input, file: "t")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    #expect(result.script.dump == expected)
  }

  /// Lines from the impt Production Guide and the impt command reference, as written.
  static let imptLines: [(String, String)] = [
    (
      "impt product create --name MyProduct --descr \"My product\"",
      "(cmd product create --name 'MyProduct' --descr 'My product')"
    ),
    (
      "impt dg create --name MyProductionDG --descr \"Production Device Group for application\" --dg-type production --product MyProduct",
      "(cmd dg create --name 'MyProductionDG' --descr 'Production Device Group for application' --dg-type 'production' --product 'MyProduct')"
    ),
    (
      "impt dg update --dg MyProductionDG --load-code-after-blessing false",
      "(cmd dg update --dg 'MyProductionDG' --load-code-after-blessing 'false')"
    ),
    (
      "impt dg create --name MyFactoryDG --descr \"Factory Device Group for factory firmware\" --dg-type factory --product MyProduct --target MyProductionDG",
      "(cmd dg create --name 'MyFactoryDG' --descr 'Factory Device Group for factory firmware' --dg-type 'factory' --product 'MyProduct' --target 'MyProductionDG')"
    ),
    (
      "impt build copy --build MyRC1 --dg MyProductionDG",
      "(cmd build copy --build 'MyRC1' --dg 'MyProductionDG')"
    ),
    (
      "impt device assign --device <device_id> --dg MyFactoryDG",
      "(cmd device assign --device '<device_id>' --dg 'MyFactoryDG')"
    ),
    ("impt device list --dg MyProductionDG", "(cmd device list --dg 'MyProductionDG')"),
    (
      "impt webhook create --dg MyProductionDG --url <webhook_url> --event blessing --mime json",
      "(cmd webhook create --dg 'MyProductionDG' --url '<webhook_url>' --event 'blessing' --mime 'json')"
    ),
    ("impt log get -device <device_id>", "(cmd log get -device '<device_id>')"),
    ("impt dg restart --dg MyProductionDG", "(cmd dg restart --dg 'MyProductionDG')"),
    ("impt dg info --dg {me}{MyProduct}{MyDG}", "(cmd dg info --dg '{me}{MyProduct}{MyDG}')"),
    (
      "impt dg create -n N -s D -p P -e '{\"foo\":\"bar\"}'",
      "(cmd dg create -n 'N' -s 'D' -p 'P' -e '{\"foo\":\"bar\"}')"
    ),
    (
      "impt device info -d 0c:2a:69:05:0d:62 -z json",
      "(cmd device info -d '0c:2a:69:05:0d:62' -z 'json')"
    ),
    ("impt log get -s 0", "(cmd log get -s '0')"),
    (
      "impt log get --page-size=5 --page-number 3",
      "(cmd log get --page-size='5' --page-number '3')"
    ),
    ("impt build list -t A -t B", "(cmd build list -t 'A' -t 'B')"),
    ("impt test run -t file:Case::method", "(cmd test run -t 'file:Case::method')"),
    ("impt product update -s \"\"", "(cmd product update -s '')"),
    ("impt build update -b <id> -r T1 -r T3", "(cmd build update -b '<id>' -r 'T1' -r 'T3')"),
  ]

  @Test(arguments: imptLines)
  func parsesImptLinesAsWritten(input: String, expected: String) {
    let result = Parser.parse(input, file: "t")
    #expect(result.diagnostics.isEmpty)
    #expect(result.script.dump == expected)
  }

  static let mistakes: [(String, [String])] = [
    ("echo \"abc", ["parse.unterminatedString@1:6"]),
    ("echo 'abc", ["parse.unterminatedString@1:6"]),
    ("echo \"${x\"", ["parse.unterminatedString@1:6"]),
    ("echo x${y", ["parse.unterminatedInterpolation@1:7"]),
    ("echo \"a\\qb\"", ["parse.unknownEscape@1:8"]),
    ("echo \"\\u{zz}\"", ["parse.badUnicodeEscape@1:7"]),
    ("echo a\u{1}b", ["parse.unexpectedCharacter@1:7"]),
    ("echo \\", ["parse.continuationAtEnd@1:6"]),
    ("if $a {\n  echo a", ["parse.unclosedBrace@1:7"]),
    ("echo (device list", ["parse.unclosedParen@1:6"]),
    ("echo [1, 2", ["parse.unclosedBracket@1:6"]),
    ("echo {a: 1", ["parse.unclosedBrace@1:6"]),
    ("echo a }", ["parse.unexpectedCloser@1:8"]),
    (")", ["parse.unexpectedCloser@1:1"]),
    ("device list |", ["parse.trailingPipe@1:13"]),
    ("device list | | count", ["parse.missingStage@1:15"]),
    ("device list | ; count", ["parse.missingStage@1:15"]),
    ("$d | $x", ["parse.missingStage@1:6"]),
    ("--name x", ["parse.expectedCommand@1:1"]),
    ("$d | where online == ", ["parse.expectedValue@1:22"]),
    ("$d | where mac == 0c:2a", ["parse.bareWord@1:19"]),
    ("$d | where online==true", ["parse.bareWord@1:12"]),
    ("$d | where", ["parse.expectedToken@1:11"]),
    ("$d | sort \"name\"", ["parse.expectedToken@1:11"]),
    ("$d | select", ["parse.expectedToken@1:12"]),
    ("$d | get 3x", ["parse.expectedToken@1:10"]),
    ("$d | each echo", ["parse.expectedToken@1:11"]),
    ("let = 3", ["parse.expectedToken@1:5"]),
    ("let x 3", ["parse.expectedToken@1:7"]),
    ("let x=3", ["parse.expectedToken@1:5"]),
    ("let x =", ["parse.expectedToken@1:8"]),
    ("for x $list { }", ["parse.expectedToken@1:7"]),
    ("for x in { }", ["parse.expectedToken@1:10"]),
    ("if $a echo", ["parse.expectedToken@1:7"]),
    ("else { }", ["parse.danglingKeyword@1:1"]),
    ("catch { }", ["parse.danglingKeyword@1:1"]),
    ("device list | let x = 3", ["parse.notAStage@1:15"]),
    ("echo {1: 2, : 3}", ["parse.badRecordKey@1:13"]),
    ("echo {a 1}", ["parse.badRecordKey@1:9"]),
    ("echo ()", ["parse.expectedValue@1:7"]),
    ("echo a ] b", ["parse.unexpectedCloser@1:8"]),
    ("source", ["parse.expectedToken@1:7"]),
    ("explain", ["parse.expectedToken@1:8"]),
    ("echo ${}", ["parse.expectedValue@1:8"]),
  ]

  @Test(arguments: mistakes)
  func reportsEachMistakeWhereItIs(input: String, expected: [String]) {
    #expect(errors(input) == expected)
  }

  @Test func onePassReportsEveryMistakeInAScript() {
    let script = """
      echo "ok"
      let = 1
      device list | | count
      $d | where mac == 0c:2a
      if $a {
        let x=3
      }
      echo (oops
      """
    #expect(
      errors(script) == [
        "parse.expectedToken@2:5", "parse.missingStage@3:15", "parse.bareWord@4:19",
        "parse.expectedToken@6:7", "parse.unclosedParen@8:6",
      ])
  }

  @Test func statementsAfterAMistakeStillParse() {
    let result = Parser.parse("let = 1\necho fine\n$d | sort 3\ndevice list", file: "t")
    // The pipeline keeps the stages that parsed; the script does not run either way.
    #expect(result.script.dump == "(echo 'fine')\n$d\n(cmd device list)")
  }

  @Test func nestingPastTheLimitIsAMistakeNotACrash() {
    let deep = String(repeating: "(", count: 500) + "x" + String(repeating: ")", count: 500)
    #expect(errors("echo " + deep).contains("parse.tooDeep@1:70"))
    let nots = "$d | where " + String(repeating: "not ", count: 300) + "online"
    #expect(errors(nots).contains { $0.hasPrefix("parse.tooDeep") })
  }

  static let completeness: [(String, Bool)] = [
    ("product list", true),
    ("echo \"abc", false),
    ("echo 'abc", false),
    ("echo \"${x", false),
    ("if $a {", false),
    ("if $a {\n echo a\n}", true),
    ("for d in $x {\n", false),
    ("echo (device list", false),
    ("echo [1,", false),
    ("device list |", false),
    ("device list |\n", false),
    ("dg create \\", false),
    ("device list | | count", true),
    ("echo a }", true),
    ("let x =", true),
  ]

  @Test(arguments: completeness)
  func tellsUnfinishedInputFromMistakes(input: String, complete: Bool) {
    #expect(Parser.isComplete(input) == complete)
  }

  @Test func rangesCoverWholeStatementsAndStages() {
    let result = Parser.parse("x\n  device list --dg A | count  ", file: "t")
    let statement = result.script.statements[1]
    #expect(statement.range.start == SourcePosition(line: 2, column: 3))
    #expect(statement.range.end == SourcePosition(line: 2, column: 29))
    guard case .pipeline(let pipeline) = statement.kind else { return }
    #expect(
      pipeline.stages.map { "\($0.range.start.column)-\($0.range.end.column)" } == [
        "3-21", "24-29",
      ])
  }

  @Test func assertKeepsTheConditionAsWritten() {
    let result = Parser.parse("assert ($d | count)  ==  12 \"twelve\"", file: "t")
    guard case .assertion(_, _, let text) = result.script.statements.first?.kind else {
      Issue.record("expected an assertion")
      return
    }
    #expect(text == "($d | count)  ==  12")
  }
}
