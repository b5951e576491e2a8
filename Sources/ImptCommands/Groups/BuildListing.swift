import ImpCentral
import ImptLanguage

/// The filters of `build list`: native ones sent to the service, one request per
/// combination of their values, then client-side ones; each build listed once.
struct BuildListing {
  let services: any CommandServices

  /// Creates the listing for one command.
  init(_ services: any CommandServices) {
    self.services = services
  }

  /// The builds the options select.
  func builds(_ arguments: Arguments) async throws -> [Deployment] {
    var builds: [Deployment] = []
    for filter in try await filters(arguments) {
      builds += try await services.client.deployments(filter)
    }
    let types = try arguments.list("dg-type").map { try DeviceGroupType(validating: $0) }
    let zombie = Combinations.either(arguments, "zombie", "non-zombie")
    return Combinations.unique(builds).filter { build in
      (types.isEmpty || build.deviceGroupType.map(types.contains) == true)
        && (zombie == nil || build.isZombie == zombie)
    }
  }

  /// One filter per combination of the native filters' values; a value that names
  /// nothing has already failed the command.
  private func filters(_ arguments: Arguments) async throws -> [DeploymentFilter] {
    let scope = ListScope(services)
    let owners = try await scope.accounts(arguments.list("owner"))
    let products = try await scope.products(arguments.list("product"))
    let groups = try await scope.deviceGroups(arguments.list("dg"))
    let flagged = Combinations.either(arguments, "flagged", "unflagged")
    var filters = [DeploymentFilter(flagged: flagged.map { $0 ? .flagged : .unflagged })]
    filters = Combinations.expand(filters, owners) { $0.ownerID = $1 }
    filters = Combinations.expand(filters, products) { $0.productID = $1 }
    filters = Combinations.expand(filters, groups) { $0.deviceGroupID = $1 }
    filters = Combinations.expand(filters, Self.given(arguments.list("sha"))) { $0.sha = $1 }
    filters = Combinations.expand(filters, Self.given(arguments.list("tag"))) { $0.tags = [$1] }
    return filters
  }

  /// The values of a plain (not identifying) filter, nil when it was not given.
  static func given(_ values: [String]) -> [String]? {
    values.isEmpty ? nil : values
  }
}
