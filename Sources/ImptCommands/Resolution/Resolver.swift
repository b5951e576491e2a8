import ImpCentral
import ImptLanguage

/// Finds the entity a user means by what they typed, as impt does: the id first, then
/// the attributes of that kind in order (a device's MAC, agent id, name…); the first
/// attribute with a match wins, and more than one match is an error listing them.
///
/// One resolver serves one command, and remembers what it found and the collections it
/// read, so a command never looks up the same name, or lists the same collection, twice.
public final class Resolver: @unchecked Sendable {
  // Safe: a resolver belongs to one running command, whose steps run one at a time;
  // `cache` is touched only from that command's task.
  let client: ImpCentralClient
  /// The session's product, used to choose between device groups of the same name.
  let productScope: String?
  private var cache: [String: ResourceObject] = [:]
  private var lists: [String: [ResourceObject]] = [:]

  /// Creates a resolver for one command.
  public init(client: ImpCentralClient, productScope: String? = nil) {
    self.client = client
    self.productScope = productScope
  }

  /// The product `value` names: an entity, an id, a name, or `{ACCOUNT}{PRODUCT}`.
  public func product(_ value: Value) async throws -> Product {
    if let known: Product = try known(value) { return known }
    let identifier = Identifier(try text(value, .product), depth: 2)
    return try await cached(.product, identifier.text) {
      try await self.findProduct(identifier)
    }
  }

  /// The device group `value` names: an entity, an id, a name, or `{A}{P}{DG}`.
  public func deviceGroup(_ value: Value, inProduct productID: String? = nil) async throws
    -> DeviceGroup
  {
    if let known: DeviceGroup = try known(value) { return known }
    let identifier = Identifier(try text(value, .deviceGroup), depth: 3)
    return try await cached(.deviceGroup, identifier.text + "|" + (productID ?? "")) {
      try await self.findDeviceGroup(identifier, productID: productID)
    }
  }

  /// The device `value` names: an entity, an id, a MAC address, an agent id or a name.
  public func device(_ value: Value) async throws -> Device {
    if let known: Device = try known(value) { return known }
    let text = try text(value, .device)
    return try await cached(.device, text) { try await self.findDevice(text) }
  }

  /// The deployment `value` names: an entity, an id, a sha, a tag or an origin.
  func deployment(_ value: Value) async throws -> Deployment {
    if let known: Deployment = try known(value) { return known }
    let text = try text(value, .deployment)
    return try await cached(.deployment, text) { try await self.findDeployment(text) }
  }

  /// The account `value` names: `me`, an id, an email address or a username.
  func account(_ value: Value) async throws -> Account {
    if let known: Account = try known(value) { return known }
    let text = try text(value, .account)
    return try await cached(.account, text) { try await self.findAccount(text) }
  }

  /// The webhook with the id `value`.
  func webhook(_ value: Value) async throws -> Webhook {
    if let known: Webhook = try known(value) { return known }
    let id = try text(value, .webhook)
    return try await cached(.webhook, id) {
      try await self.orNotFound(.webhook, id) { try await self.client.webhook(id: id) }
    }
  }

  /// The login key with the id `value`.
  func loginKey(_ value: Value) async throws -> LoginKey {
    if let known: LoginKey = try known(value) { return known }
    let id = try text(value, .loginKey)
    return try await orNotFound(.loginKey, LoginKeySupport.masked(id)) {
      try await self.client.loginKey(id: id)
    }
  }

  // MARK: - Shared steps

  /// The resource an entity value carries, when it is of the wanted kind.
  private func known<T: APIResource>(_ value: Value) throws -> T? {
    guard case .entity(let entity) = value else { return nil }
    guard entity.kind == T.kind else {
      throw CommandError(
        "command.wrongEntity",
        "expected a \(T.kind.noun) but got a \(entity.kind.noun) ('\(entity.id)')")
    }
    return try T(entity.resource)
  }

  private func text(_ value: Value, _ kind: ResourceKind) throws -> String {
    guard let text = Arguments.text(value), !text.isEmpty else {
      throw CommandError(
        "command.noIdentifier", "no \(kind.noun) was named",
        help: ["Give the \(kind.noun)'s id or name."])
    }
    return text
  }

  private func cached<T: APIResource>(
    _ kind: ResourceKind, _ key: String, _ find: () async throws -> T
  ) async throws -> T {
    let cacheKey = kind.rawValue + ":" + key
    if let object = cache[cacheKey] { return try T(object) }
    let found = try await find()
    cache[cacheKey] = found.object
    return found
  }

  /// A collection this command already read, or read now and kept, so that a command
  /// naming two device groups of one product lists the product's groups once.
  ///
  /// `filter` names the selection: the same kind and filter give the same items.
  func listed<T: APIResource>(
    _ filter: String = "", _ fetch: () async throws -> [T]
  ) async throws -> [T] {
    let key = T.kind.rawValue + "?" + filter
    if let objects = lists[key] { return try objects.map { try T($0) } }
    let found = try await fetch()
    lists[key] = found.map(\.object)
    return found
  }

  /// Every object of `kind` in the collections this command read, for suggestions.
  func listedObjects(of kind: ResourceKind) -> [ResourceObject] {
    lists.filter { $0.key.hasPrefix(kind.rawValue + "?") }.sorted { $0.key < $1.key }
      .flatMap(\.value)
  }

  /// Runs a by-id lookup, turning the service's 404 into our not-found error.
  func orNotFound<T>(
    _ kind: ResourceKind, _ shown: String, _ lookup: () async throws -> T
  ) async throws -> T {
    do {
      return try await lookup()
    } catch let error as ImpCentralError where error.id == .notFound {
      throw missing(kind, shown)
    }
  }

  /// Runs a by-id lookup; nil when the service answers 404.
  func ifFound<T>(_ lookup: () async throws -> T) async throws -> T? {
    do {
      return try await lookup()
    } catch let error as ImpCentralError where error.id == .notFound {
      return nil
    }
  }
}
