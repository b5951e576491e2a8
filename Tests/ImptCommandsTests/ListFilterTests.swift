import ImpCentral
import Testing

/// List filters that name nothing fail rather than list nothing; names close to a real
/// one get a "did you mean".
@Suite struct ListFilterTests {
  /// `MyProduct` with `MyDevDG`, and `Other` with another `MyDevDG`.
  private func fixture() async throws -> FleetShell {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("product create --name Other; dg create --name MyDevDG --product Other")
    try fleet.addDevices(1)
    return fleet
  }

  /// Regression: each of these printed `(no items)` and succeeded, so
  /// `device list --dg Typo | device restart` quietly did nothing.
  @Test(arguments: [
    ("device list --dg NoSuchGroup", "device group 'NoSuchGroup' was not found"),
    ("device list --dg MyDevDG --dg NoSuchGroup", "device group 'NoSuchGroup' was not found"),
    ("device list --product NoSuch", "product 'NoSuch' was not found"),
    ("dg list --product NoSuch", "product 'NoSuch' was not found"),
    ("build list --dg NoSuch", "device group 'NoSuch' was not found"),
    ("webhook list --dg NoSuch", "device group 'NoSuch' was not found"),
    ("webhook list --product NoSuch", "product 'NoSuch' was not found"),
    ("product list --owner nobody@example.com", "account 'nobody@example.com' was not found"),
  ])
  func aFilterValueThatNamesNothingFails(_ line: String, _ message: String) async throws {
    let fleet = try await fixture()

    let error = await fleet.fails(line, "command.notFound")

    #expect(error?.message == message)
  }

  @Test func aMisspeltGroupGetsADidYouMean() async throws {
    let fleet = try await fixture()

    let error = await fleet.fails("device list --dg MyDevD", "command.notFound")

    #expect(
      error?.help == ["did you mean 'MyDevDG'?", "Run 'dg list' to see the device groups."])
  }

  @Test func aNameSharedByTwoGroupsKeepsBoth() async throws {
    let fleet = try await fixture()
    await fleet.ok("build deploy --dg {me}{MyProduct}{MyDevDG}")
    await fleet.ok("build deploy --dg {me}{Other}{MyDevDG}")

    #expect(await fleet.ids("build list --dg MyDevDG").count == 2)
  }

  @Test(arguments: ["device list", "dg list", "build list", "webhook list", "product list"])
  func theDetailsSayNamesThatMatchNothingAreErrors(_ command: String) async throws {
    let fleet = try await FleetShell.make()

    let help = await fleet.ok("help \(command)").out

    #expect(help.contains("that names nothing is an error, not an empty list"))
  }
}

/// The errors of names that match nothing or several entities, outside list filters.
@Suite struct ResolverMessageTests {
  @Test func aMisspeltNameAnywhereGetsADidYouMean() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()

    let group = await fleet.fails("dg info --dg mydevdg", "command.notFound")
    let product = await fleet.fails("product info --product MyProdcut", "command.notFound")

    #expect(group?.help.first == "did you mean 'MyDevDG'?")
    #expect(product?.help.first == "did you mean 'MyProduct'?")
  }

  @Test func aNameFarFromEveryOtherGetsNoGuess() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()

    let error = await fleet.fails("dg info --dg Production", "command.notFound")

    #expect(error?.help == ["Run 'dg list' to see the device groups."])
  }

  /// Regression: the help showed `'{me}{PRODUCT}{GROUP}'`, which looked like an unfilled
  /// template, and the candidates showed their product's id.
  @Test func aSharedGroupNameShowsAFullNameToTypeAndTheProductNames() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("product create --name Other; dg create --name MyDevDG --product Other")

    let error = await fleet.fails("dg info --dg MyDevDG", "command.ambiguous")

    #expect(error?.message == "'MyDevDG' names 2 device groups")
    #expect(
      error?.help == ["Use the id, or name the product too, as in '{me}{MyProduct}{MyDevDG}'."])
    let candidates = error?.notes.map(\.message).joined(separator: "\n") ?? ""
    #expect(candidates.contains("(product 'MyProduct')"))
    #expect(candidates.contains("(product 'Other')"))
    await fleet.ok("dg info --dg {me}{MyProduct}{MyDevDG}")
  }
}
