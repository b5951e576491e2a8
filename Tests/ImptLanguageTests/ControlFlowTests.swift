import Testing

@testable import ImptLanguage

struct ControlFlowTests {
  static let branches: [(String, String)] = [
    ("3", "big"),
    ("2", "two"),
    ("1", "small"),
  ]

  @Test(arguments: branches)
  func ifTakesTheFirstBranchThatHolds(value: String, expected: String) async {
    let script = """
      let x = \(value)
      if $x > 2 { echo big } else if $x == 2 { echo two } else { echo small }
      """
    #expect(await run(script).1.echoed == [expected])
  }

  @Test func ifWithoutElseDoesNothingWhenFalse() async {
    #expect(await run("if false { echo no }\necho done").1.echoed == ["done"])
  }

  @Test func forGoesThroughEveryItemWithItsOwnVariable() async {
    let script = """
      for d in device list --dg MyProductionDG | where online {
        let label = "$d.name is up"
        echo $label
      }
      """
    let (outcome, journal) = await run(script)
    #expect(outcome.status == 0)
    #expect(journal.echoed == ["kitchen is up", "garage is up"])
  }

  @Test func forOverOneValueRunsOnceAndOverNullNever() async {
    #expect(await run("for x in 5 { echo $x }\nfor y in null { echo never }").1.echoed == ["5"])
  }

  @Test func assertStopsTheScriptWithTheMessage() async {
    let (outcome, journal) = await run(
      "echo a\nassert (device list | count) == 12 \"expected 12 devices\"\necho b")
    #expect(outcome.status == 1)
    #expect(journal.echoed == ["a"])
    let diagnostic = outcome.diagnostics.first
    #expect(diagnostic?.id == "run.assertFailed")
    #expect(diagnostic?.message == "assertion failed: expected 12 devices")
    #expect(diagnostic?.notes.map(\.message) == ["the left side is 6 and the right side is 12"])
    #expect(diagnostic?.range.location == "test.imptsh:2:1")
  }

  @Test func assertWithoutAMessageQuotesTheCondition() async {
    let (outcome, _) = await run(
      "let online = device list | where online | count\nassert $online > 5")
    #expect(outcome.diagnostics.first?.message == "assertion failed: '$online > 5'")
  }

  @Test func assertThatHoldsGoesOn() async {
    let (outcome, journal) = await run("assert (device list | count) == 6\necho ok")
    #expect(outcome.status == 0)
    #expect(journal.echoed == ["ok"])
  }

  @Test func tryCatchGoesOnPastAnExpectedFailure() async {
    let script = """
      try {
        echo trying
        fail now
        echo not reached
      } catch {
        echo "caught $error.id: $error.message at line $error.line"
      }
      echo "status $status"
      echo "status $status"
      """
    let (outcome, journal) = await run(script)
    #expect(outcome.status == 0)
    #expect(
      journal.echoed == [
        "trying", "caught api.conflict: the device group is not empty at line 3", "status 1",
        "status 0",
      ])
  }

  @Test func statusInsideCatchFollowsEachStatement() async {
    let script = """
      try { fail now } catch {
        echo "in $status"
        echo "then $status"
      }
      echo "after $status"
      """
    #expect(await run(script).1.echoed == ["in 1", "then 0", "after 1"])
  }

  @Test func tryWithoutCatchSwallowsTheFailure() async {
    let (outcome, journal) = await run("try { fail now }\necho $status")
    #expect(outcome.status == 0)
    #expect(journal.echoed == ["1"])
  }

  @Test func statusIsZeroAfterATryThatSucceeded() async {
    #expect(
      await run("try { echo fine } catch { echo no }\necho $status").1.echoed == ["fine", "0"])
  }

  @Test func aFailureInsideCatchStopsTheScript() async {
    let (outcome, journal) = await run("try { fail now } catch { fail crash }\necho after")
    #expect(outcome.status == 1)
    #expect(outcome.diagnostics.map(\.id) == ["run.commandFailed"])
    #expect(journal.echoed.isEmpty)
  }

  @Test func exitStopsWithItsStatus() async {
    let (outcome, journal) = await run("echo a\nif true { exit 3 }\necho b")
    #expect(outcome.status == 3)
    #expect(outcome.exited)
    #expect(journal.echoed == ["a"])
  }

  @Test func exitIsNotCaughtByTry() async {
    let (outcome, _) = await run("try { exit 4 } catch { echo caught }")
    #expect(outcome.status == 4)
    #expect(outcome.exited)
  }

  @Test func exitWithoutAStatusIsSuccess() async {
    let (outcome, _) = await run("exit")
    #expect(outcome.status == 0)
    #expect(outcome.exited)
  }

  @Test func exitWithAComputedStatusThatIsNotOneFails() async {
    let (outcome, _) = await run("exit $env.HOME")
    #expect(outcome.diagnostics.map(\.id) == ["run.badExit"])
  }

  @Test func sourceRunsAFileInTheCurrentScope() async {
    var host = FakeHost()
    host.files = ["lib.imptsh": "let greeting = \"hello\"\necho from lib"]
    let (outcome, journal) = await run("source lib.imptsh\necho $greeting", host: host)
    #expect(outcome.status == 0)
    #expect(journal.echoed == ["from lib", "hello"])
  }

  @Test func sourceOfAComputedNameIsCheckedWhenItRuns() async {
    var host = FakeHost()
    host.files = ["good.imptsh": "echo good", "bad.imptsh": "echo ok\nprodcut list"]
    var other = FakeHost()
    other.files = host.files
    let (good, goodJournal) = await run("source $1", arguments: ["good.imptsh"], host: host)
    #expect(good.status == 0)
    #expect(goodJournal.echoed == ["good"])

    let (bad, badJournal) = await run("source $1", arguments: ["bad.imptsh"], host: other)
    #expect(bad.status == 1)
    #expect(badJournal.echoed.isEmpty)
    #expect(bad.diagnostics.map(\.id) == ["run.sourceDidNotCheck", "check.unknownCommand"])
    #expect(bad.diagnostics.last?.range.location == "bad.imptsh:2:1")
  }

  @Test func sourceOfAMissingFileFails() async {
    let (outcome, _) = await run("let f = \"nope.imptsh\"\nsource $f")
    #expect(outcome.diagnostics.map(\.id) == ["run.sourceUnreadable"])
    #expect(outcome.diagnostics.first?.message == "cannot read 'nope.imptsh': no such file")
  }

  @Test func sourceThatRecursesForeverStops() async {
    var host = FakeHost()
    host.files = ["loop.imptsh": "source $1"]
    let (outcome, _) = await run("source $1", arguments: ["loop.imptsh"], host: host)
    #expect(outcome.diagnostics.first?.id == "run.sourceTooDeep")
  }

  @Test func interruptionStopsEvenInsideTry() async {
    let host = FakeHost()
    host.journal.update { $0.statementsBeforeCancel = 3 }
    let (outcome, journal) = await run(
      "echo 1\ntry { echo 2\necho 3 } catch { echo caught }\necho 4", host: host)
    #expect(outcome.status == 1)
    #expect(outcome.diagnostics.map(\.id) == ["run.interrupted"])
    #expect(journal.echoed == ["1", "2"])
  }

  @Test func statusAndVariablesCarryFromOneRunToTheNext() async {
    let host = FakeHost()
    let interpreter = Interpreter(catalogue: FakeCatalogue.catalogue, host: host)
    _ = await interpreter.run("let d = device list", file: "<stdin>")
    let failed = await interpreter.run("fail now", file: "<stdin>")
    #expect(failed.status == 1)
    _ = await interpreter.run("echo $status ($d | count)", file: "<stdin>")
    _ = await interpreter.run("echo $status", file: "<stdin>")
    #expect(host.journal.echoed == ["1 6", "0"])
    #expect(await interpreter.status == 0)
    #expect(await interpreter.variables.keys.sorted() == ["d"])
  }

  @Test func typesOfEarlierVariablesAreCheckedInLaterRuns() async {
    let interpreter = Interpreter(catalogue: FakeCatalogue.catalogue, host: FakeHost())
    _ = await interpreter.run("let d = device list", file: "<stdin>")
    let outcome = await interpreter.run("echo $d.flagged", file: "<stdin>")
    #expect(outcome.status == 2)
    #expect(outcome.diagnostics.map(\.id) == ["check.unknownField"])
  }

  @Test func checkAloneRunsNothing() async {
    let host = FakeHost()
    let interpreter = Interpreter(catalogue: FakeCatalogue.catalogue, host: host)
    #expect(await interpreter.check("device list\necho hi", file: "t").status == 0)
    #expect(await interpreter.check("prodcut list", file: "t").status == 2)
    #expect(host.journal.invocations.isEmpty)
    #expect(host.journal.echoed.isEmpty)
  }

  @Test func unfinishedInputIsReportedAndRunsNothing() async {
    let (outcome, journal) = await run("echo a\nif true {")
    #expect(outcome.isUnfinished)
    #expect(outcome.status == 2)
    #expect(journal.echoed.isEmpty)
  }
}
