import ImpCentral
import ImptCommands
import ImptShell
import Testing

/// `dg builds` with changes: everything is planned first and asked about once.
@Suite struct DeviceGroupBuildsTests {
  /// A group with builds `old-flagged` (flagged) < `old` < `MyMin` < `new`, the minimum
  /// moved to `MyMin`.
  private func fixture(_ interaction: (any Interaction)? = nil) async throws -> FleetShell {
    let fleet = try await FleetShell.make(interaction: interaction ?? NoInteraction())
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag old-flagged --flagged")
    await fleet.ok("build deploy --dg MyDevDG --tag old")
    await fleet.ok("build deploy --dg MyDevDG --tag MyMin")
    await fleet.ok("build deploy --dg MyDevDG --tag new")
    await fleet.ok("dg update --dg MyDevDG --min-supported-deployment MyMin")
    return fleet
  }

  private func tags(_ fleet: FleetShell) async throws -> Set<String> {
    Set(try await fleet.builds(in: "MyDevDG").flatMap(\.tags))
  }

  /// Regression: `--unflag --remove` unflagged the build, then asked about deleting it;
  /// answering no left it unprotected.
  @Test func answeringNoToUnflagAndRemoveChangesNothing() async throws {
    let terminal = ScriptedAnswers(answer: false)
    let fleet = try await fixture(terminal)

    await fleet.fails("dg builds --dg MyDevDG --unflag --remove", "command.cancelled")

    #expect(try await fleet.build("old-flagged").flagged)
    #expect(try await tags(fleet) == ["old-flagged", "old", "MyMin", "new"])
    #expect(terminal.summaries.count == 1)
  }

  @Test func oneQuestionShowsTheBuildsToUnflagAndToDelete() async throws {
    let terminal = ScriptedAnswers(answer: true)
    let fleet = try await fixture(terminal)
    let flagged = try await fleet.build("old-flagged")
    let old = try await fleet.build("old")

    await fleet.ok("dg builds --dg MyDevDG --unflag --remove")

    try #require(terminal.summaries.count == 1)
    let summary = terminal.summaries[0].joined(separator: "\n")
    #expect(summary.contains("imptsh will unflag:\n  build \(flagged.id)"))
    #expect(summary.contains("imptsh will delete:"))
    #expect(summary.contains("build \(old.id)"))
    #expect(try await tags(fleet) == ["MyMin", "new"])
  }

  @Test func unflagAloneAsksToo() async throws {
    let fleet = try await fixture()

    await fleet.fails("dg builds --dg MyDevDG --unflag", "check.needsConfirmation")

    #expect(try await fleet.build("old-flagged").flagged)
  }

  @Test func confirmedUnflagOldKeepsTheRestAndListsWhatIsLeft() async throws {
    let fleet = try await fixture()
    await fleet.ok("build update --build new --flagged")

    let shown = await fleet.ids("dg builds --dg MyDevDG --unflag-old --remove --confirmed")

    #expect(try await tags(fleet) == ["MyMin", "new"])
    #expect(try await fleet.build("new").flagged)
    #expect(shown.count == 2)
  }

  @Test func withoutChangesItListsWithoutAsking() async throws {
    let terminal = ScriptedAnswers(answer: false)
    let fleet = try await fixture(terminal)

    #expect(await fleet.ids("dg builds --dg MyDevDG").count == 4)
    #expect(terminal.summaries.isEmpty)
  }
}

/// `dg builds` confirmed at the prompt replays unattended from a recording.
@Suite struct DeviceGroupBuildsRecordingTests {
  @Test func aConfirmedTidyIsRecordedWithConfirmed() async throws {
    let folder = try TemporaryFolder()
    let shell = try await ScriptedShell.onSandbox(
      interaction: ScriptedAnswers(answer: true), workingFolder: folder.path,
      interactive: true)
    await shell.run("product create --name P; dg create --name D --product P")
    await shell.run("build deploy --dg D --tag old --flagged; build deploy --dg D --tag new")
    await shell.run("dg update --dg D --min-supported-deployment new")

    await shell.run("record start tidy.imptsh")
    await shell.run("dg builds --dg D --unflag --remove")
    await shell.run("record stop")

    let script = try String(contentsOfFile: folder.path + "/tidy.imptsh", encoding: .utf8)
    #expect(script.contains("\ndg builds --dg D --unflag --remove --confirmed\n"), "\(script)")
  }
}
