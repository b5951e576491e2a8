import Testing

@testable import ImptLanguage

struct SessionTests {
  @Test func useStatementsGoToTheHost() async {
    let (outcome, journal) = await run(
      "use dg MyProductionDG\nuse\nuse none\nuse product MyProduct")
    #expect(outcome.status == 0)
    #expect(
      journal.update { $0.uses } == [
        .set(.deviceGroup, .string("MyProductionDG")), .show, .clear,
        .set(.product, .string("MyProduct")),
      ])
  }

  @Test func usingSomethingThatDoesNotExistFailsCleanly() async {
    let (outcome, _) = await run("use dg Nowhere\necho after")
    #expect(outcome.status == 1)
    #expect(outcome.diagnostics.first?.id == "api.notFound")
    #expect(outcome.diagnostics.first?.message == "no dg named 'Nowhere'")
    #expect(outcome.diagnostics.first?.range.location == "test.imptsh:1:1")
  }

  @Test func recordAndHelpGoToTheHost() async {
    let (_, journal) = await run(
      "record start \"s.imptsh\"\nrecord stop\nhelp\nhelp dg\nhelp dg create\nhelp where\ndg create --help\nimpt product -h"
    )
    #expect(journal.update { $0.records } == [.start(path: "s.imptsh"), .stop])
    #expect(
      journal.update { $0.help } == [
        "overview", "group dg", "command dg create", "language where", "command dg create",
        "group product",
      ])
  }

  @Test func helpOnACommandRunsNothingAndNeedsNoOptions() async {
    let (outcome, journal) = await run("product create --help")
    #expect(outcome.status == 0)
    #expect(journal.invocations.isEmpty)
  }

  @Test func echoJoinsItsArgumentsWithSpaces() async {
    #expect(await run("echo hello, world \"and\" 'more'").1.echoed == ["hello, world and more"])
  }

  @Test func statementValuesAreShownButAssignmentsAreNot() async {
    let (_, journal) = await run(
      "let d = device list\n$d | count\nproduct info --product p1 | get name\ndevice restart --device d1"
    )
    #expect(journal.shown == [.number(6), .string("MyProduct")])
  }
}
