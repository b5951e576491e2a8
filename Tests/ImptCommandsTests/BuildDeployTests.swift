import ImpCentral
import Testing

/// `build deploy`, `build run` and `build copy` on a fresh sandbox.
@Suite struct BuildDeployTests {
  @Test func deployReadsCodeFilesFromTheWorkingFolder() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    try fleet.writeFile("device.nut", #"server.log("device v1");"#)
    try fleet.writeFile("agent.nut", #"server.log("agent v1");"#)

    await fleet.ok(
      "build deploy --dg MyDevDG -x device.nut -y agent.nut --descr nightly --origin main "
        + "-t MyRC1 -t nightly --flagged")

    let build = try await fleet.build("MyRC1")
    #expect(build.deviceCode == #"server.log("device v1");"#)
    #expect(build.agentCode == #"server.log("agent v1");"#)
    #expect(build.tags == ["MyRC1", "nightly"])
    #expect(build.flagged)
    #expect(build.description == "nightly")
    #expect(build.origin == "main")
    #expect(build.deviceGroup?.id == (try await fleet.group("MyDevDG")).id)
  }

  @Test func deployReadsAnAbsolutePath() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    try fleet.writeFile("device.nut", "// absolute")

    await fleet.ok("build deploy --dg MyDevDG --device-file \(fleet.folder)/device.nut -t abs")

    #expect(try await fleet.build("abs").deviceCode == "// absolute")
  }

  @Test func deployWithoutFilesMakesEmptyCodeAndSaysSo() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()

    let result = await fleet.ok("build deploy --dg MyDevDG --tag empty")

    #expect(result.err.contains("neither '--device-file' nor '--agent-file' was given"))
    let build = try await fleet.build("empty")
    #expect(build.deviceCode == "" && build.agentCode == "")
    #expect(build.flagged == false)
  }

  @Test func deployRefusesAMissingFileAndCreatesNothing() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()

    let error = await fleet.fails(
      "build deploy --dg MyDevDG --agent-file missing/agent.nut", "command.fileNotFound")

    #expect(error?.message == "agent code file 'missing/agent.nut' was not found")
    #expect(error?.help.first?.contains(fleet.folder) == true)
    #expect(try await fleet.client.deployments().isEmpty)
  }

  @Test func deployRefusesAFolderGivenAsACodeFile() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()

    let error = await fleet.fails("build deploy --dg MyDevDG -x .", "command.fileUnreadable")

    #expect(error?.message == "'.' is a folder, not a device code file")
    #expect(try await fleet.client.deployments().isEmpty)
  }

  @Test func deployRefusesCodeThatDoesNotCompile() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    try fleet.writeFile("device.nut", #"server.log("unterminated);"#)

    await fleet.fails("build deploy --dg MyDevDG -x device.nut", "api.validation")

    #expect(try await fleet.client.deployments().isEmpty)
  }

  @Test func deployTakesTheGroupFromTheSession() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()

    await fleet.ok("use dg MyDevDG; build deploy --tag fromSession")

    let build = try await fleet.build("fromSession")
    #expect(build.deviceGroup?.id == (try await fleet.group("MyDevDG")).id)
  }

  @Test func deployWithoutAGroupIsRefusedBeforeAnythingRuns() async throws {
    let fleet = try await FleetShell.make()

    await fleet.fails("build deploy --tag orphan", "check.missingOption")
  }

  @Test func deployToAnUnknownGroupSaysItWasNotFound() async throws {
    let fleet = try await FleetShell.make()

    let error = await fleet.fails("build deploy --dg NoSuchDG", "command.notFound")

    #expect(error?.message == "device group 'NoSuchDG' was not found")
  }

  @Test func runRestartsTheDevicesOnTheNewBuildAndMakesItTheMinimum() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok(#"dg update --dg MyDevDG --descr "keep me""#)
    let device = try fleet.addDevices(1)[0]
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1")
    try fleet.writeFile("device.nut", #"server.log("running v2");"#)

    let result = await fleet.ok(
      #"build run --dg MyDevDG -x device.nut --tag MyRC2 --descr "second""#)

    let build = try await fleet.build("MyRC2")
    let group = try await fleet.group("MyDevDG")
    #expect(group.minSupportedDeployment?.id == build.id)
    #expect(group.currentDeployment?.id == build.id)
    #expect(group.description == "keep me")
    #expect(try await fleet.logMessages(device).contains("running v2"))
    #expect(result.err.contains("asked 1 device of 'MyDevDG' to restart"))
    #expect(result.out.contains(build.id))
  }

  @Test func deployAloneLeavesTheDevicesOnTheirCode() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    let device = try fleet.addDevices(1)[0]
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")
    try fleet.writeFile("device.nut", #"server.log("running v2");"#)

    await fleet.ok("build deploy --dg MyDevDG -x device.nut")

    #expect(try await fleet.logMessages(device).contains("running v2") == false)
  }

  @Test func runOnAnEmptyGroupKeepsTheBuildAndSaysSo() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()

    let result = await fleet.ok("build run --dg MyDevDG --tag lonely")

    #expect(result.err.contains("device group 'MyDevDG' has no devices to restart"))
    let build = try await fleet.build("lonely")
    #expect(try await fleet.group("MyDevDG").minSupportedDeployment?.id == build.id)
  }

  @Test func runWithLogShowsTheDevicesLinesUntilTheStreamEnds() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    let device = try fleet.addDevices(1)[0]
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")
    fleet.shell.output.reset()

    let run = Task { await fleet.shell.run("build run --dg MyDevDG --log") }
    let following = await fleet.waitFor { $0.err.contains("following the logs of fixture-1") }
    if following { try fleet.sandbox.emitLog(device: device, text: "hello from the line") }
    let shown = await fleet.waitFor { $0.out.contains("hello from the line") }
    try fleet.sandbox.reset()
    let outcome = await run.value

    #expect(following && shown)
    #expect(outcome.status == 0)
  }

  @Test func explainingRunChangesNothingAndOpensNoLogStream() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    try fleet.addDevices(1)
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")

    let result = await fleet.ok("explain build run --dg MyDevDG --tag planned --log")

    #expect(result.out.contains("would  POST /deployments"))
    #expect(result.out.contains("would  POST /devicegroups/"))
    #expect(result.err.contains("would follow the logs of fixture-1"))
    #expect(try await fleet.client.deployments().isEmpty)
  }

  @Test func copyMakesANewBuildWithTheSameCode() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("dg create --name MyOtherDG --product MyProduct")
    try fleet.writeFile("device.nut", "// v1")
    await fleet.ok("build deploy --dg MyDevDG -x device.nut --tag MyRC1 --descr rc --flagged")

    await fleet.ok("build copy --build MyRC1 --dg MyOtherDG")

    let copies = try await fleet.builds(in: "MyOtherDG")
    let copy = try #require(copies.first)
    #expect(copies.count == 1)
    #expect(copy.deviceCode == "// v1")
    #expect(copy.tags.isEmpty && copy.flagged == false && (copy.description ?? "").isEmpty)
  }

  @Test func copyAllCarriesDescriptionOriginTagsAndFlag() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("dg create --name MyOtherDG --product MyProduct")
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1 --descr rc --origin main --flagged")

    await fleet.ok("build copy --build MyRC1 --dg MyOtherDG --all")

    let copy = try #require(try await fleet.builds(in: "MyOtherDG").first)
    #expect(copy.tags == ["MyRC1"] && copy.flagged)
    #expect(copy.description == "rc" && copy.origin == "main")
  }

  @Test func copyWithoutBuildTakesTheSessionGroupsCurrentBuild() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("dg create --name MyOtherDG --product MyProduct")
    try fleet.writeFile("device.nut", "// current")
    await fleet.ok("build deploy --dg MyDevDG --tag old")
    await fleet.ok("build deploy --dg MyDevDG -x device.nut --tag current")

    await fleet.ok("use dg MyDevDG; build copy --dg MyOtherDG")

    let copies = try await fleet.builds(in: "MyOtherDG")
    #expect(copies.map(\.deviceCode) == ["// current"])
  }

  @Test func copyWithoutBuildOrSessionGroupSaysHowToNameOne() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()

    let error = await fleet.fails("build copy --dg MyDevDG", "command.missingOption")

    #expect(error?.help.first?.contains("use dg") == true)
  }
}
