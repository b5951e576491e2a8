import ImpCentral

/// The searches behind each kind of identifier.
extension Resolver {
  func findProduct(_ identifier: Identifier) async throws -> Product {
    let matches = try await productCandidates(identifier)
    if matches.count > 1 { throw ambiguousProducts(identifier.text, matches) }
    return try single(.product, identifier.text, matches) { "\($0.id)  \($0.name)" }
  }

  /// Every product `identifier` could mean, by the first rule that finds any.
  func productCandidates(_ identifier: Identifier) async throws -> [Product] {
    if identifier.isHierarchical {
      if let found = try? await hierarchicalProduct(identifier.parts) { return [found] }
    }
    if let found = try await byID(identifier.text, client.product(id:)) { return [found] }
    return try await listed { try await self.client.products() }
      .filter { $0.name == identifier.text }
  }

  func findDeviceGroup(_ identifier: Identifier, productID: String?) async throws
    -> DeviceGroup
  {
    var matches = try await groupCandidates(identifier, productID: productID)
    if matches.count > 1, let scope = productScope {
      let scoped = matches.filter { $0.product.id == scope }
      if !scoped.isEmpty { matches = scoped }
    }
    if matches.count > 1 { throw try await ambiguousGroups(identifier.text, matches) }
    return try single(.deviceGroup, identifier.text, matches) { "\($0.id)  \($0.name)" }
  }

  /// Every device group `identifier` could mean, by the first rule that finds any.
  func groupCandidates(_ identifier: Identifier, productID: String?) async throws
    -> [DeviceGroup]
  {
    if identifier.isHierarchical {
      if let found = try? await hierarchicalGroup(identifier.parts) { return [found] }
    }
    if let found = try await byID(identifier.text, client.deviceGroup(id:)) { return [found] }
    let filter = DeviceGroupFilter(productID: productID)
    return try await listed("product=\(productID ?? "")") {
      try await self.client.deviceGroups(filter)
    }.filter { $0.name == identifier.text }
  }

  func findDevice(_ text: String) async throws -> Device {
    if let found = try await ifFound({ try await self.client.device(id: text) }) {
      return found
    }
    let all = try await listed { try await self.client.devices() }
    let matches = firstHit(
      all, [{ $0.macAddress == text }, { $0.agentID == text }, { $0.name == text }])
    return try single(.device, text, matches) {
      "\($0.id)  \($0.name ?? "")  \($0.macAddress)"
    }
  }

  func findDeployment(_ text: String) async throws -> Deployment {
    if let found = try await byID(text, client.deployment(id:)) { return found }
    var matches: [Deployment] = []
    if Self.isSHA(text) { matches = try await client.deployments(DeploymentFilter(sha: text)) }
    if matches.isEmpty, Self.isTag(text) {
      matches = try await client.deployments(DeploymentFilter(tags: [text]))
    }
    if matches.isEmpty {
      matches = try await listed { try await self.client.deployments() }
        .filter { $0.origin == text }
    }
    return try single(.deployment, text, matches) {
      "\($0.id)  \($0.sha ?? "")  \($0.tags.joined(separator: ","))  \($0.origin ?? "")"
    }
  }

  func findAccount(_ text: String) async throws -> Account {
    try single(.account, text, try await accountCandidates(text)) {
      "\($0.id)  \($0.email ?? "")  \($0.username ?? "")"
    }
  }

  /// Every account `text` could mean, by the first rule that finds any.
  func accountCandidates(_ text: String) async throws -> [Account] {
    if text == "me" || Identifier.looksLikeID(text) {
      if let found = try await ifFound({ try await self.client.account(id: text) }) {
        return [found]
      }
    }
    let all = try await listed { try await self.client.accounts() }
    return firstHit(all, [{ $0.email == text }, { $0.username == text }])
  }

  // MARK: - Hierarchical identifiers

  private func hierarchicalProduct(_ parts: [String]) async throws -> Product {
    let account = try await findAccount(try part(parts[0], .account))
    let name = try part(parts[1], .product)
    if let found = try await byID(name, client.product(id:)),
      found.owner?.id == account.id
    {
      return found
    }
    let matches = try await listed("owner=\(account.id)") {
      try await self.client.products(ProductFilter(ownerID: account.id))
    }.filter { $0.name == name }
    return try single(.product, name, matches) { "\($0.id)  \($0.name)" }
  }

  private func hierarchicalGroup(_ parts: [String]) async throws -> DeviceGroup {
    let product = try await hierarchicalProduct(Array(parts[0...1]))
    let name = try part(parts[2], .deviceGroup)
    if let found = try await byID(name, client.deviceGroup(id:)),
      found.product.id == product.id
    {
      return found
    }
    let matches = try await listed("product=\(product.id)") {
      try await self.client.deviceGroups(DeviceGroupFilter(productID: product.id))
    }.filter { $0.name == name }
    return try single(.deviceGroup, name, matches) { "\($0.id)  \($0.name)" }
  }

  private func part(_ text: String, _ kind: ResourceKind) throws -> String {
    guard !text.isEmpty else {
      throw CommandError("command.noIdentifier", "no \(kind.noun) was named in '{…}'")
    }
    return text
  }

  // MARK: - Matching

  /// A lookup by id, tried only for text shaped like an id; nil when there is none.
  private func byID<T>(
    _ text: String, _ lookup: @escaping (String) async throws -> T
  ) async throws -> T? {
    guard Identifier.looksLikeID(text) else { return nil }
    return try await ifFound { try await lookup(text) }
  }

  /// The hits of the first test that has any.
  private func firstHit<T>(_ items: [T], _ tests: [(T) -> Bool]) -> [T] {
    for test in tests {
      let hits = items.filter(test)
      if !hits.isEmpty { return hits }
    }
    return []
  }

  /// The one match, or an error for none or several.
  ///
  /// Names shared by device groups or products have their own errors, which show how
  /// to name one in full; those that reach here can only be told apart by id.
  func single<T>(
    _ kind: ResourceKind, _ text: String, _ matches: [T], _ line: (T) -> String
  ) throws -> T {
    guard let first = matches.first else { throw missing(kind, text) }
    guard matches.count == 1 else {
      throw CommandError(
        "command.ambiguous", "'\(text)' names \(matches.count) \(kind.plural)",
        help: ["Use the id instead."], details: matches.map(line))
    }
    return first
  }

  /// Whether `text` could be a deployment's sha: hexadecimal digits only. Tags such as
  /// `MyRC1` are not, and skip the search by sha.
  static func isSHA(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy(\.isHexDigit)
  }

  static func isTag(_ text: String) -> Bool {
    !text.isEmpty
      && text.allSatisfy { $0.isLetter || $0.isNumber || "_-*.".contains($0) }
      && text.allSatisfy(\.isASCII)
  }
}
