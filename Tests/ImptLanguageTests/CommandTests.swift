import Testing

@testable import ImptLanguage

/// The arguments of the first invocation of a script.
private func arguments(_ script: String, host: FakeHost = FakeHost()) async -> [String: Value] {
  let (outcome, journal) = await run(script, host: host)
  #expect(outcome.status == 0, "\(outcome.diagnostics.map(\.message))")
  return journal.invocations.first?.arguments ?? [:]
}

struct CommandTests {
  @Test func argumentsAreTypedByTheirOptionKind() async {
    let product = await arguments("product create --name MyProduct --descr \"\"")
    #expect(product == ["name": .string("MyProduct"), "descr": .string("")])

    let logs = await arguments("log get --device d1 --page-size 5 -n=2")
    #expect(logs == ["device": .string("d1"), "page-size": .number(5), "page-number": .number(2)])

    let groups = await arguments("dg list -y factory --dg-type dut -p P")
    #expect(
      groups == [
        "dg-type": .list([.string("factory"), .string("dut")]), "product": .list([.string("P")]),
      ])
  }

  static let flags: [(String, Value?, Value?)] = [
    ("dg restart --dg Dev", .bool(false), nil),
    ("dg restart --dg Dev --confirmed", .bool(true), nil),
    ("dg restart --dg Dev -q false", .bool(false), nil),
    ("dg restart --dg Dev --confirmed=true", .bool(true), nil),
    ("dg update --dg Dev", nil, nil),
    ("dg update --dg Dev -l", nil, .bool(true)),
    ("dg update --dg Dev --load-code-after-blessing false", nil, .bool(false)),
  ]

  @Test(arguments: flags)
  func flagsDefaultToFalseAndTogglesToUnset(script: String, confirmed: Value?, load: Value?) async {
    let given = await arguments(script)
    #expect(given["confirmed"] == confirmed)
    #expect(given["load-code-after-blessing"] == load)
  }

  @Test func valuesThatLookLikeOptionsStillFillAValueOption() async {
    #expect(await arguments("dg create --name X --product P --descr -5")["descr"] == .string("-5"))
    #expect(await arguments("dg create --name X --product P --descr -w")["descr"] == .string("-w"))
    #expect(
      await arguments("dg create --name X --product P --descr \"--name\"")["name"] == .string("X"))
  }

  @Test func entitiesBecomeIdsUnlessTheOptionIdentifiesTheirKind() async {
    let (_, journal) = await run(
      "let g = dg info --dg MyFactoryDG\nwebhook create --dg $g --url $g --event blessing --mime json"
    )
    let create = journal.invocations.last?.arguments
    #expect(create?["dg"] == .entity(Fixtures.factoryGroup))
    #expect(create?["url"] == .string("dg2"))
  }

  @Test func listsSpreadIntoRepeatableOptions() async {
    let (_, journal) = await run("let gs = dg list\ndevice list --dg $gs --dg Extra")
    let values = journal.invocations.last?.arguments["dg"]
    #expect(values == .list(Fixtures.groups.map(Value.entity) + [.string("Extra")]))
  }

  @Test func pipedEntitiesRunTheCommandOncePerItem() async {
    let (outcome, journal) = await run(
      "device list --dg MyProductionDG | where not online | device restart --conditional")
    #expect(outcome.status == 0)
    let restarts = journal.invocations.filter { $0.command.name == "device restart" }
    #expect(
      restarts.map { $0.arguments["device"] } == [
        .entity(Fixtures.devices[0]), .entity(Fixtures.devices[2]),
      ])
    #expect(restarts.allSatisfy { $0.arguments["conditional"] == .bool(true) })
    #expect(restarts.map(\.input) == [.entity(Fixtures.devices[0]), .entity(Fixtures.devices[2])])
  }

  @Test func pipedItemsFillARepeatableOptionInOneRun() async {
    let (_, journal) = await run("dg list | where type != \"development\" | device list | get id")
    let lists = journal.invocations.filter { $0.command.name == "device list" }
    #expect(lists.count == 1)
    #expect(
      lists.first?.arguments["dg"]
        == .list([
          .entity(Fixtures.productionGroup), .entity(Fixtures.factoryGroup),
        ]))
    #expect(journal.shown == [.list(["d1", "d2", "d3", "d4", "d5"].map(Value.string))])
  }

  @Test func pipedTextAndSingleEntitiesWorkToo() async {
    let (_, journal) = await run(
      "[\"d1\", \"d2\"] | device restart\ndevice info --device d4 | device restart")
    let restarts = journal.invocations.filter { $0.command.name == "device restart" }
    #expect(
      restarts.compactMap { $0.arguments["device"] } == [
        .string("d1"), .string("d2"), .entity(Fixtures.devices[3]),
      ])
  }

  @Test func resultsOfPerItemRunsAreGatheredIntoOneList() async {
    let (_, journal) = await run("device list --dg MyFactoryDG | device assign --dg Dev | count")
    #expect(journal.shown == [.number(1)])
  }

  @Test func pipedValuesThatCannotFillTheOptionFail() async {
    let (outcome, _) = await run("[1, [2]] | device restart")
    #expect(outcome.diagnostics.map(\.id) == ["run.pipeItem"])
    #expect(
      outcome.diagnostics.first?.message
        == "'device restart' cannot take a list of numbers from the pipe for '--device'")
  }

  @Test func sessionContextFillsOptionsLeftOut() async {
    var host = FakeHost()
    host.startingSlots = [.deviceGroup: .entity(Fixtures.developmentGroup)]
    let given = await arguments("dg info", host: host)
    #expect(given["dg"] == .entity(Fixtures.developmentGroup))
  }

  @Test func useSetsTheContextForLaterCommands() async {
    let (outcome, journal) = await run(
      "use dg MyFactoryDG\ndg info | get name\nproduct info | get name")
    #expect(outcome.status == 0)
    #expect(journal.shown == [.string("MyFactoryDG"), .string("MyProduct")])
  }

  @Test func aContextSlotWithNoValueFailsWhenTheCommandRuns() async {
    var host = FakeHost()
    host.claimedSlots = [.deviceGroup]
    let (outcome, _) = await run("echo start\ndg info", host: host)
    #expect(outcome.status == 1)
    let diagnostic = outcome.diagnostics.first
    #expect(diagnostic?.id == "run.missingContext")
    #expect(diagnostic?.message == "'dg info' needs '--dg', and no device group is in use")
    #expect(diagnostic?.range.location == "test.imptsh:2:1")
  }

  @Test func computedValuesAreCheckedWhenTheyArrive() async {
    let (outcome, journal) = await run("let n = \"many\"\nlog get --device d1 --page-size $n")
    #expect(journal.invocations.isEmpty)
    #expect(outcome.diagnostics.map(\.id) == ["run.badArgument"])
    #expect(
      outcome.diagnostics.first?.message
        == "expected a whole number of at least 1 for '--page-size', found 'many'")
    #expect(outcome.diagnostics.first?.range.location == "test.imptsh:2:33")
    let empty = await run("let e = \"\"\nproduct create --name $e").0
    #expect(empty.diagnostics.map(\.id) == ["run.emptyArgument"])
  }

  @Test func userFacingErrorsKeepTheirIdMessageAndHelp() async {
    let (outcome, journal) = await run("echo before\n  fail now\necho after")
    #expect(outcome.status == 1)
    #expect(journal.echoed == ["before"])
    let diagnostic = outcome.diagnostics.first
    #expect(diagnostic?.id == "api.conflict")
    #expect(diagnostic?.message == "the device group is not empty")
    #expect(diagnostic?.help == ["Unassign its devices first."])
    #expect(diagnostic?.range.location == "test.imptsh:2:3")
  }

  @Test func otherErrorsSayWhichCommandFailed() async {
    let (outcome, _) = await run("fail crash")
    #expect(outcome.diagnostics.map(\.id) == ["run.commandFailed"])
    #expect(outcome.diagnostics.first?.message == "'fail crash' failed: the socket closed")
  }

  @Test func aScriptThatDoesNotCheckRunsNothing() async {
    let (outcome, journal) = await run("echo a\ndevice list\nprodcut list")
    #expect(outcome.status == 2)
    #expect(journal.echoed.isEmpty)
    #expect(journal.invocations.isEmpty)
  }

  @Test func aDryRunPlansWritesAndRunsReads() async {
    let host = FakeHost()
    let interpreter = Interpreter(catalogue: FakeCatalogue.catalogue, host: host, dryRun: true)
    let outcome = await interpreter.run("product create --name X\ndevice list | count", file: "t")
    #expect(outcome.status == 0)
    #expect(host.journal.commandNames == ["device list"])
    #expect(host.journal.update { $0.planned } == ["product create"])
  }

  @Test(arguments: [true, false])
  func dryRunVariableSaysWhetherWritesArePlanned(dryRun: Bool) async {
    let host = FakeHost()
    let interpreter = Interpreter(catalogue: FakeCatalogue.catalogue, host: host, dryRun: dryRun)
    let outcome = await interpreter.run("if not $dry_run { echo live }\necho $dry_run", file: "t")
    #expect(outcome.status == 0)
    #expect(host.journal.echoed == (dryRun ? ["true"] : ["live", "false"]))
  }

  @Test func explainPlansEveryCommandOfItsPipeline() async {
    let (outcome, journal) = await run("explain device list --dg MyFactoryDG | device restart")
    #expect(outcome.status == 0)
    #expect(journal.update { $0.planned } == ["device list", "device restart"])
    #expect(journal.commandNames == ["device list"])
    #expect(journal.shown.isEmpty)
  }

  @Test func sandboxCommandsRunOnTheSandbox() async {
    var host = FakeHost()
    host.isSandbox = true
    let (outcome, journal) = await run("sandbox add-devices --count 1 | count", host: host)
    #expect(outcome.status == 0)
    #expect(journal.shown == [.number(1)])
  }

  @Test func outputOptionPicksTheFormat() async {
    let (_, journal) = await run(
      "product list -z json\nproduct list\nproduct list --output minimal")
    #expect(journal.formats == [.json, nil, .minimal])
    #expect(journal.invocations.allSatisfy { $0.arguments["output"] == nil })
  }

  @Test func invocationsCarryTheCommandRange() async {
    let (_, journal) = await run("echo x\ndevice list | where online | device restart")
    #expect(journal.invocations.map { $0.range.start.column } == [1, 30, 30, 30])
    #expect(journal.invocations.first?.range.start.line == 2)
  }
}

struct InvocationTests {
  let invocation = Invocation(
    command: FakeCatalogue.catalogue.commands[0],
    arguments: [
      "name": .string("X"), "group": .entity(Fixtures.factoryGroup), "size": .number(5),
      "confirmed": .bool(true), "off": .bool(false),
      "tags": .list([.string("a"), .entity(Fixtures.builds[1])]),
    ],
    range: SourceRange(file: "t", start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)))

  @Test func argumentsReadBackByType() {
    #expect(invocation.string("name") == "X")
    #expect(invocation.string("group") == "dg2")
    #expect(invocation.string("size") == "5")
    #expect(invocation.string("missing") == nil)
    #expect(invocation.entity("group")?.id == "dg2")
    #expect(invocation.entity("name") == nil)
    #expect(invocation.integer("size") == 5)
    #expect(invocation.flag("confirmed"))
    #expect(!invocation.flag("off"))
    #expect(!invocation.flag("missing"))
    #expect(invocation.toggle("off") == false)
    #expect(invocation.toggle("missing") == nil)
    #expect(invocation.strings("tags") == ["a", "b2"])
    #expect(invocation.strings("name") == ["X"])
    #expect(invocation.strings("missing") == [])
  }
}
