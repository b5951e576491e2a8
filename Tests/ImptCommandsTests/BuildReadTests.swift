import ImpCentral
import Testing

/// `build info`, `build list` and `build get` on a fresh sandbox.
@Suite struct BuildReadTests {
  // MARK: - info

  @Test(arguments: ["id", "sha", "tag", "origin"])
  func infoFindsABuildByEachOfItsIdentifiers(_ attribute: String) async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    try fleet.writeFile("device.nut", "// unique code")
    await fleet.ok("build deploy --dg MyDevDG -x device.nut --tag MyRC1 --origin release-7")
    let build = try await fleet.build("MyRC1")
    let text =
      switch attribute {
      case "id": build.id
      case "sha": build.sha ?? ""
      case "tag": "MyRC1"
      default: "release-7"
      }

    #expect(await fleet.ids("build info --build \(text)") == [build.id])
  }

  @Test func infoOfAnAmbiguousTagListsTheCandidates() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag shared")
    try fleet.writeFile("device.nut", "// other")
    await fleet.ok("build deploy --dg MyDevDG -x device.nut --tag shared")
    let builds = try await fleet.builds(tagged: "shared")

    let error = await fleet.fails("build info --build shared", "command.ambiguous")

    #expect(error?.message == "'shared' names 2 deployments")
    let shown = error?.notes.map(\.message).joined() ?? ""
    #expect(builds.allSatisfy { shown.contains($0.id) })
  }

  @Test func infoOfAnUnknownBuildSaysHowToListThem() async throws {
    let fleet = try await FleetShell.make()

    let error = await fleet.fails("build info --build nothing", "command.notFound")

    #expect(error?.help == ["Run 'build list' to see the builds."])
  }

  @Test func infoWithoutBuildShowsTheSessionGroupsCurrentBuild() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag old")
    await fleet.ok("build deploy --dg MyDevDG --tag current")

    let shown = await fleet.ids("use dg MyDevDG; build info")

    #expect(shown == [try await fleet.build("current").id])
  }

  @Test func infoWithoutBuildOrSessionGroupExplainsBoth() async throws {
    let fleet = try await FleetShell.make()

    let error = await fleet.fails("build info", "command.missingOption")

    #expect(error?.message == "no '--build' was given and the session has no device group")
  }

  @Test func infoOfASessionGroupWithoutBuildsSaysSo() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()

    let error = await fleet.fails("use dg MyDevDG; build info", "command.noBuild")

    #expect(error?.message == "device group 'MyDevDG' has no builds yet")
  }

  @Test func infoTakesBuildsFromThePipe() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag a; build deploy --dg MyDevDG --tag b")

    let shown = await fleet.ids("build list --dg MyDevDG | build info")

    #expect(Set(shown) == Set(try await fleet.builds(in: "MyDevDG").map(\.id)))
  }

  // MARK: - list

  /// Two products with a group each; builds tagged by where they are and what they are.
  private func listFixture() async throws -> FleetShell {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("product create --name Other")
    await fleet.ok("dg create --name OtherDG --product Other")
    await fleet.ok("dg create --name GoneDG --product Other")
    await fleet.ok("build deploy --dg MyDevDG --tag mine --tag rc --flagged")
    await fleet.ok("build deploy --dg MyDevDG --tag mine")
    await fleet.ok("build deploy --dg OtherDG --tag other --tag rc")
    await fleet.ok("build deploy --dg GoneDG --tag gone")
    await fleet.ok("dg delete --dg GoneDG --confirmed")
    return fleet
  }

  @Test(arguments: [
    ("", 4),
    ("--product MyProduct", 2),
    ("--product MyProduct --product Other", 4),
    ("--dg MyDevDG --dg OtherDG", 3),
    ("--tag rc", 2),
    ("--tag rc --tag mine", 3),
    ("--tag rc --product Other", 1),
    ("--flagged", 1),
    ("--unflagged", 3),
    ("--flagged --unflagged", 4),
    ("--zombie", 1),
    ("--non-zombie", 3),
    ("--zombie --non-zombie", 4),
    ("--dg-type development", 3),
    ("--dg-type production", 0),
    ("--owner me --unflagged --non-zombie", 2),
  ])
  func listCombinesFilters(_ options: String, _ expected: Int) async throws {
    let fleet = try await listFixture()

    let shown = await fleet.ids("build list \(options)")

    #expect(shown.count == expected)
    #expect(Set(shown).count == shown.count, "a build was listed twice")
  }

  @Test func listShowsTheZombieBuild() async throws {
    let fleet = try await listFixture()

    #expect(await fleet.ids("build list --zombie") == [try await fleet.build("gone").id])
  }

  @Test func listByShaFindsEveryBuildOfTheSameCode() async throws {
    let fleet = try await listFixture()
    let sha = try #require(try await fleet.build("gone").sha)

    #expect(await fleet.ids("build list --sha \(sha)").count == 4)
    #expect(await fleet.ids("build list --sha 0000 --sha \(sha) --zombie").count == 1)
  }

  // MARK: - get

  @Test func getWritesBothFilesAndShowsTheBuild() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    try fleet.writeFile("in-device.nut", "// device side")
    try fleet.writeFile("in-agent.nut", "// agent side")
    await fleet.ok("build deploy --dg MyDevDG -x in-device.nut -y in-agent.nut --tag MyRC1")

    let shown = await fleet.ids("build get --build MyRC1 -x out/../device.nut -y agent.nut")

    #expect(fleet.readFile("device.nut") == "// device side")
    #expect(fleet.readFile("agent.nut") == "// agent side")
    #expect(shown == [try await fleet.build("MyRC1").id])
  }

  @Test func explainingGetWritesNoFiles() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1")

    let result = await fleet.ok("explain build get --build MyRC1 -x d.nut -y a.nut")

    #expect(result.err.contains("would write the device code"))
    #expect(fleet.readFile("d.nut") == nil && fleet.readFile("a.nut") == nil)
  }

  @Test(arguments: [
    ("--device-only -x d.nut", "d.nut", "a.nut"),
    ("--agent-only -y a.nut", "a.nut", "d.nut"),
  ])
  func getWritesOnlyTheChosenFile(_ options: String, _ written: String, _ skipped: String)
    async throws
  {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1")

    await fleet.ok("build get --build MyRC1 \(options)")

    #expect(fleet.readFile(written) == "")
    #expect(fleet.readFile(skipped) == nil)
  }

  @Test(arguments: [
    ("-y a.nut", "--device-file"),
    ("-x d.nut", "--agent-file"),
  ])
  func getNeedsAFileForEachCode(_ options: String, _ missing: String) async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1")

    let error = await fleet.fails("build get --build MyRC1 \(options)", "command.missingOption")

    #expect(error?.message.contains(missing) == true)
    #expect(fleet.readFile("a.nut") == nil && fleet.readFile("d.nut") == nil)
  }

  @Test func getIntoAMissingFolderSaysItCouldNotWrite() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1")

    let error = await fleet.fails(
      "build get --build MyRC1 -x no/such/d.nut --device-only", "command.fileWriteFailed")

    #expect(error?.message == "could not write 'no/such/d.nut'")
  }

  @Test func getRefusesBothOnlyOptions() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1")

    await fleet.fails(
      "build get --build MyRC1 -x d.nut -y a.nut --device-only --agent-only",
      "command.conflictingOptions")
  }

  @Test func getWillNotOverwriteWithoutATerminalOrConfirmation() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1")
    try fleet.writeFile("device.nut", "// mine")

    await fleet.fails(
      "build get --build MyRC1 -x device.nut --device-only", "command.needsConfirmation")
    #expect(fleet.readFile("device.nut") == "// mine")

    await fleet.ok("build get --build MyRC1 -x device.nut --device-only --confirmed")
    #expect(fleet.readFile("device.nut") == "")
  }

  @Test(arguments: [true, false])
  func getAsksBeforeOverwriting(_ answer: Bool) async throws {
    let answers = ScriptedAnswers(answer: answer)
    let fleet = try await FleetShell.make(interaction: answers)
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1")
    try fleet.writeFile("device.nut", "// mine")

    _ = await fleet.shell.capture("build get --build MyRC1 -x device.nut -y agent.nut")

    #expect(answers.summaries.count == 1)
    #expect(answers.summaries.first?.contains("  'device.nut'") == true)
    #expect(answers.summaries.first?.contains("  'agent.nut'") == false)
    #expect(fleet.readFile("device.nut") == (answer ? "" : "// mine"))
    #expect(fleet.readFile("agent.nut") == (answer ? "" : nil))
  }
}
