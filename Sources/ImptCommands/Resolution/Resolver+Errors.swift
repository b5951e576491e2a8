import ImpCentral
import ImptLanguage

/// The errors of a name that matches nothing, or more than one entity.
extension Resolver {
  /// The error for `text`, which matches no `kind`, with a "did you mean" for a close
  /// name among the collections this command already read.
  func missing(_ kind: ResourceKind, _ text: String) -> CommandError {
    let names = listedObjects(of: kind).flatMap(Self.names)
    return Self.notFound(kind, text, suggestion: Suggestion.closest(to: text, in: names))
  }

  /// The error for a name that matches nothing: `device group 'Typo' was not found`.
  static func notFound(
    _ kind: ResourceKind, _ text: String, suggestion: String? = nil
  ) -> CommandError {
    let guess = suggestion.map { ["did you mean '\($0)'?"] } ?? []
    return CommandError(
      "command.notFound", "\(kind.noun) '\(text)' was not found",
      help: guess + [listHint(kind)])
  }

  /// The names a user may type for an object: its name, email, username, origin, tags.
  private static func names(_ object: ResourceObject) -> [String] {
    let single = ["name", "email", "username", "origin"].compactMap(object.string)
    let tags = object.attributes["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
    return single + tags
  }

  private static func listHint(_ kind: ResourceKind) -> String {
    switch kind {
    case .product: "Run 'product list' to see the products."
    case .deviceGroup: "Run 'dg list' to see the device groups."
    case .device: "Run 'device list' to see the devices."
    case .deployment: "Run 'build list' to see the builds."
    case .webhook: "Run 'webhook list' to see the webhooks."
    case .loginKey: "Run 'loginkey list' to see the login keys."
    case .account: "Run 'account list' to see the accounts you can reach."
    default: "Check the spelling."
    }
  }

  /// The error for a device group name that several groups share, listing each with
  /// its product's name and showing how to name one: `{me}{MyProduct}{MyDevDG}`.
  ///
  /// The product names come from one list of products.
  func ambiguousGroups(_ text: String, _ groups: [DeviceGroup]) async throws -> CommandError {
    let products = try await listed { try await self.client.products() }
    let productNames = Dictionary(
      products.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    let lines = groups.map { group in
      let product = productNames[group.product.id].map { "'\($0)'" } ?? group.product.id
      return "\(group.id)  \(group.groupType.name)  \(group.name)  (product \(product))"
    }
    guard let first = groups.first else { return missing(.deviceGroup, text) }
    let example = "{me}{\(productNames[first.product.id] ?? first.product.id)}{\(first.name)}"
    return CommandError(
      "command.ambiguous", "'\(text)' names \(groups.count) device groups",
      help: ["Use the id, or name the product too, as in '\(example)'."], details: lines)
  }

  /// The error for a product name that several products (of different accounts) share,
  /// showing how to name one with its owner: `{OWNER_ID}{MyProduct}`.
  func ambiguousProducts(_ text: String, _ products: [Product]) -> CommandError {
    let lines = products.map { "\($0.id)  \($0.name)  (owner \($0.owner?.id ?? "unknown"))" }
    guard let first = products.first else { return missing(.product, text) }
    let help =
      first.owner.map { "Use the id, or name the owner too, as in '{\($0.id)}{\(first.name)}'." }
      ?? "Use the id instead."
    return CommandError(
      "command.ambiguous", "'\(text)' names \(products.count) products",
      help: [help], details: lines)
  }
}
