import ImpCentral

/// Turns the identifiers given to a list command's filters into ids.
///
/// A value that matches several entities keeps them all, and the same option repeated
/// means any of its values; different options must all hold. A value that matches no
/// entity at all is an error, with a "did you mean" for a close name: an empty list
/// would let `device list --dg Typo | device restart` quietly do nothing. (impt lists
/// nothing there; imptsh fails on purpose.)
struct ListScope {
  let services: any CommandServices
  private let resolver: Resolver

  /// The sentence list commands add to their details about names that match nothing:
  /// `["owner", "dg"]` → `A value of --owner or --dg that names nothing is an error, …`.
  static func unknownNamesNote(_ options: [String]) -> String {
    let names = options.map { "--" + $0 }
    let listed =
      names.count > 1
      ? names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
      : names.joined()
    return "A value of \(listed) that names nothing is an error, not an empty list "
      + "(impt lists nothing there)."
  }

  /// Creates a scope for one list command.
  init(_ services: any CommandServices) {
    self.services = services
    resolver = Resolver(client: services.client)
  }

  /// The account ids `values` name; nil when no value was given.
  func accounts(_ values: [String]) async throws -> [String]? {
    try await ids(values, .account) { try await self.resolver.accountCandidates($0).map(\.id) }
  }

  /// The product ids `values` name; nil when no value was given.
  func products(_ values: [String]) async throws -> [String]? {
    try await ids(values, .product) {
      try await self.resolver.productCandidates(Identifier($0, depth: 2)).map(\.id)
    }
  }

  /// The device group ids `values` name; nil when no value was given.
  func deviceGroups(_ values: [String]) async throws -> [String]? {
    try await ids(values, .deviceGroup) {
      try await self.resolver.groupCandidates(Identifier($0, depth: 3), productID: nil)
        .map(\.id)
    }
  }

  private func ids(
    _ values: [String], _ kind: ResourceKind,
    _ candidates: (String) async throws -> [String]
  ) async throws -> [String]? {
    guard !values.isEmpty else { return nil }
    var ids: [String] = []
    for value in values {
      let found = try await candidates(value)
      guard !found.isEmpty else { throw resolver.missing(kind, value) }
      for id in found where !ids.contains(id) { ids.append(id) }
    }
    return ids
  }
}
