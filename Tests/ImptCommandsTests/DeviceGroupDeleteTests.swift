import ImpCentral
import Testing

/// `dg delete` and `product delete` when the service refuses, and the results of
/// `dg update` and the device-group commands that find nothing to do.
@Suite struct DeviceGroupDeleteTests {
  /// Regression: these passed on the service's error with an empty help line.
  @Test func aGroupWithDevicesSaysToAddForce() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    try fleet.addDevices(1)
    await fleet.ok("device assign --device fixture-1 --dg MyDevDG")

    let error = await fleet.fails("dg delete --dg MyDevDG --confirmed", "api.conflict")

    #expect(error?.help == ["Add --force to unassign its devices and unflag its builds first."])
    await fleet.ok("dg delete --dg MyDevDG --force --confirmed")
  }

  @Test func aGroupWithFlaggedBuildsSaysToAddForce() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --flagged")

    let error = await fleet.fails("dg delete --dg MyDevDG --confirmed", "api.conflict")

    #expect(error?.help == ["Add --force to unflag its builds and unassign its devices first."])
  }

  @Test func aProductWithGroupsSaysToAddForce() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()

    let error = await fleet.fails("product delete --product MyProduct --confirmed", "api.conflict")

    #expect(
      error?.help == [
        "Add --force to delete its device groups too, unassigning their devices and "
          + "unflagging their builds."
      ])
  }

  @Test func aTargetGroupSaysToDealWithTheFactoryGroupEvenWithForce() async throws {
    let fleet = try await FleetShell.make()
    await fleet.ok("product create --name MyProduct")
    await fleet.ok("dg create --name MyProductionDG --dg-type production --product MyProduct")
    await fleet.ok("dg create --name MyDUTDG --dg-type dut --product MyProduct")
    await fleet.ok(
      "dg create --name MyFactoryDG --dg-type factory --product MyProduct "
        + "--target MyProductionDG --dut MyDUTDG")

    let error = await fleet.fails(
      "dg delete --dg MyProductionDG --force --confirmed", "api.conflict")

    #expect(error?.help.count == 1)
    #expect(error?.help.first?.hasPrefix("Delete the factory device group that targets it") == true)
  }

  /// Regression: the result showed the current build but not the minimum just set.
  @Test func updatingTheMinimumShowsIt() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC1")
    await fleet.ok("build deploy --dg MyDevDG --tag MyRC2")
    let minimum = try await fleet.build("MyRC2")

    let result = await fleet.ok("dg update --dg MyDevDG --min-supported-deployment MyRC2")

    let line = result.out.split(separator: "\n").first { $0.hasPrefix("min_supported_deployment") }
    #expect(line?.hasSuffix(minimum.id) == true)
  }

  @Test(arguments: [
    "dg restart --dg MyDevDG --confirmed", "dg unassign --dg MyDevDG --confirmed",
    "dg reassign --from MyDevDG --to OtherDG --confirmed",
  ])
  func aGroupWithoutDevicesSaysSoAndPrintsNothingElse(_ line: String) async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("dg create --name OtherDG --product MyProduct")

    let result = await fleet.ok(line)

    #expect(result.err.contains("has no devices"))
    #expect(result.out.isEmpty)
  }
}
