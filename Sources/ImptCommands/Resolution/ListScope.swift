import ImpCentral

/// Turns the identifiers given to a list command's filters into ids.
///
/// Filters never fail on names: a value that matches nothing makes the list empty, and
/// a value that matches several keeps them all. The same option repeated means any of
/// its values; different options must all hold.
struct ListScope {
  let services: any CommandServices
  private let resolver: Resolver

  /// Creates a scope for one list command.
  init(_ services: any CommandServices) {
    self.services = services
    resolver = Resolver(client: services.client)
  }

  /// The account ids `values` name; nil when no value was given.
  func accounts(_ values: [String]) async throws -> [String]? {
    try await ids(values) { try await self.resolver.accountCandidates($0).map(\.id) }
  }

  /// The product ids `values` name; nil when no value was given.
  func products(_ values: [String]) async throws -> [String]? {
    try await ids(values) {
      try await self.resolver.productCandidates(Identifier($0, depth: 2)).map(\.id)
    }
  }

  /// The device group ids `values` name; nil when no value was given.
  func deviceGroups(_ values: [String]) async throws -> [String]? {
    try await ids(values) {
      try await self.resolver.groupCandidates(Identifier($0, depth: 3), productID: nil)
        .map(\.id)
    }
  }

  private func ids(
    _ values: [String], _ candidates: (String) async throws -> [String]
  ) async throws -> [String]? {
    guard !values.isEmpty else { return nil }
    var ids: [String] = []
    for value in values {
      for id in try await candidates(value) where !ids.contains(id) { ids.append(id) }
    }
    return ids
  }
}
