import Foundation
import ImpCentral
import Testing

/// `build update`, `build delete` and `build cleanup` on a fresh sandbox.
@Suite struct BuildChangeTests {
  // MARK: - update

  @Test func updateAddsAndRemovesTagsKeepingTheirOrder() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1 --tag candidate --tag keep")

    await fleet.ok(
      "build update --build MyRC1 --remove-tag candidate --tag MyRelease --tag keep")

    let build = try await fleet.build("MyRelease")
    #expect(build.tags == ["MyRC1", "keep", "MyRelease"])
  }

  @Test func updateChangesDescriptionAndFlag() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1 --descr old")

    await fleet.ok(#"build update --build MyRC1 --descr "passed soak" --flagged"#)
    #expect(try await fleet.build("MyRC1").flagged)
    #expect(try await fleet.build("MyRC1").description == "passed soak")

    await fleet.ok(#"build update --build MyRC1 --flagged false --descr """#)
    #expect(try await fleet.build("MyRC1").flagged == false)
    #expect(try await fleet.build("MyRC1").description ?? "" == "")
  }

  @Test func updateWithoutBuildChangesTheSessionGroupsCurrentBuild() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag old")
    await fleet.ok("build deploy --dg MyDevDG --tag current")

    await fleet.ok("use dg MyDevDG; build update --flagged")

    #expect(try await fleet.build("current").flagged)
    #expect(try await fleet.build("old").flagged == false)
  }

  @Test func updateWithoutBuildOrSessionGroupIsRefused() async throws {
    let fleet = try await FleetShell.make()

    await fleet.fails("build update --flagged", "command.missingOption")
  }

  @Test func updateRefusesABadTag() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1")

    await fleet.fails(#"build update --build MyRC1 --tag "no spaces""#, "client.invalidArgument")

    #expect(try await fleet.build("MyRC1").tags == ["MyRC1"])
  }

  // MARK: - delete

  /// A group with builds `MyRC1` < `MyRC2` < `MyRC3`, the minimum moved to `MyRC2`.
  private func deleteFixture() async throws -> FleetShell {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1")
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC2")
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC3")
    await fleet.ok("dg update --dg MyDevDG --min-supported-deployment MyRC2")
    return fleet
  }

  @Test func deleteRemovesABuildOlderThanTheMinimum() async throws {
    let fleet = try await deleteFixture()

    let result = await fleet.ok("build delete --build MyRC1 --confirmed")

    #expect(try await fleet.builds(tagged: "MyRC1").isEmpty)
    #expect(result.err.contains("deleted build"))
  }

  @Test(arguments: [
    ("MyRC2", "is the minimum supported build of device group 'MyDevDG'"),
    ("MyRC3", "is newer than the minimum supported build"),
  ])
  func deleteKeepsTheMinimumAndNewerBuilds(_ tag: String, _ reason: String) async throws {
    let fleet = try await deleteFixture()

    let error = await fleet.fails(
      "build delete --build \(tag) --confirmed", "command.buildSupported")

    #expect(error?.message.contains(reason) == true)
    #expect(error?.help.first?.contains("--min-supported-deployment") == true)
    #expect(try await fleet.builds(tagged: tag).count == 1)
  }

  @Test func deleteKeepsAFlaggedBuildWithoutForce() async throws {
    let fleet = try await deleteFixture()
    await fleet.ok("build update --build MyRC1 --flagged")

    let error = await fleet.fails("build delete --build MyRC1 --confirmed", "command.buildFlagged")

    #expect(error?.help.first?.contains("--force") == true)
    #expect(try await fleet.builds(tagged: "MyRC1").count == 1)
  }

  @Test func deleteWithForceUnflagsFirst() async throws {
    let fleet = try await deleteFixture()
    await fleet.ok("build update --build MyRC1 --flagged")

    let result = await fleet.ok("build delete --build MyRC1 --force --confirmed")

    #expect(result.err.contains("unflagged build"))
    #expect(try await fleet.builds(tagged: "MyRC1").isEmpty)
  }

  @Test func deleteRefusesWithoutATerminalOrConfirmation() async throws {
    let fleet = try await deleteFixture()

    await fleet.fails("build delete --build MyRC1", "check.needsConfirmation")

    #expect(try await fleet.builds(tagged: "MyRC1").count == 1)
  }

  @Test func deleteAsksAndStopsOnNo() async throws {
    let answers = ScriptedAnswers(answer: false)
    let fleet = try await FleetShell.make(interaction: answers)
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1; build deploy --dg MyDevDG --tag MyRC2")
    await fleet.ok("dg update --dg MyDevDG --min-supported-deployment MyRC2")

    await fleet.fails("build delete --build MyRC1", "command.cancelled")

    #expect(answers.summaries.first?.contains { $0.contains("[MyRC1]") } == true)
    #expect(try await fleet.builds(tagged: "MyRC1").count == 1)
  }

  @Test func deleteOfAZombieBuildNeedsNoMinimumCheck() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1")
    await fleet.ok("dg delete --dg MyDevDG --confirmed")

    await fleet.ok("build delete --build MyRC1 --confirmed")

    #expect(try await fleet.client.deployments().isEmpty)
  }

  // MARK: - cleanup

  /// Zombie builds of two products, one of them flagged, and a living build.
  private func cleanupFixture() async throws -> FleetShell {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("dg create --name GoneDG --product MyProduct")
    await fleet.ok("product create --name Other; dg create --name OtherGoneDG --product Other")
    await fleet.ok("build deploy --dg MyDevDG --tag alive")
    await fleet.ok("build deploy --dg GoneDG --tag zombie; build deploy --dg GoneDG --tag flagged")
    await fleet.ok("build deploy --dg OtherGoneDG --tag otherZombie")
    await fleet.ok("dg delete --dg GoneDG --confirmed; dg delete --dg OtherGoneDG --confirmed")
    await fleet.ok("build update --build flagged --flagged")
    return fleet
  }

  @Test func cleanupDeletesUnflaggedZombiesAndKeepsTheFlagged() async throws {
    let fleet = try await cleanupFixture()

    let result = await fleet.ok("build cleanup --confirmed --output minimal")

    let remaining = try await fleet.client.deployments().flatMap(\.tags)
    #expect(Set(remaining) == ["alive", "flagged"])
    #expect(result.out.split(separator: "\n").count == 2)
    #expect(result.err.contains("kept 1 flagged build without a device group"))
  }

  @Test func cleanupWithUnflagDeletesFlaggedZombiesToo() async throws {
    let fleet = try await cleanupFixture()

    await fleet.ok("build cleanup --unflag --confirmed")

    #expect(try await fleet.client.deployments().flatMap(\.tags) == ["alive"])
  }

  @Test func cleanupOfOneProductLeavesTheOthers() async throws {
    let fleet = try await cleanupFixture()

    await fleet.ok("build cleanup --product Other --confirmed")

    let remaining = try await fleet.client.deployments().flatMap(\.tags)
    #expect(Set(remaining) == ["alive", "zombie", "flagged"])
  }

  /// Regression: the note said there was nothing to delete, then an empty list printed
  /// `(no items)` after it.
  @Test func cleanupWithNothingToDoSaysSoAndPrintsNothingElse() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag alive")

    let result = await fleet.ok("build cleanup --confirmed")

    #expect(result.err.contains("there are no builds without a device group to delete"))
    #expect(result.out.trimmingCharacters(in: .whitespacesAndNewlines) == "")
  }

  @Test func cleanupRefusesWithoutATerminalOrConfirmation() async throws {
    let fleet = try await cleanupFixture()

    await fleet.fails("build cleanup", "check.needsConfirmation")

    #expect(try await fleet.client.deployments().count == 4)
  }
}
