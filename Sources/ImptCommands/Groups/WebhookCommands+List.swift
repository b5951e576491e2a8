import ImpCentral
import ImptLanguage

/// `webhook list`: the service filters by device group; imptsh filters the rest.
///
/// `--owner`, `--product` and `--dg-type` keep the webhooks whose device group matches
/// them, found with one device-group list per combination; `--url` and `--event` compare
/// the webhooks' own fields.
enum WebhookList {
  static let spec = CommandSpec(
    group: "webhook", verb: "list", summary: "list webhooks",
    details: ListScope.unknownNamesNote(["owner", "product", "dg"]),
    options: [
      Opt.owners(), Opt.products(), Opt.dgs(), Opt.dgTypeFilter(),
      OptionSpec(
        "url", short: "u", kind: .textList, placeholder: "URL",
        summary: "only those posting to this URL (repeat for several)"),
      OptionSpec(
        "event", short: "e", kind: .choiceList(WebhookEvent.allCases.map(\.rawValue)),
        placeholder: "EVENT", summary: "only those fired by this event (repeat for several)"),
    ],
    examples: [
      CommandExample("webhook list", "every webhook"),
      CommandExample(
        "webhook list --product MyProduct --event deployment", "a product's deployment webhooks",
        setup: WebhookExamples.developmentGroup + [WebhookExamples.deploymentHook]),
      CommandExample(
        "dg list --product MyProduct | webhook list", "the webhooks of a product's groups",
        setup: WebhookExamples.developmentGroup + [WebhookExamples.deploymentHook]),
    ],
    result: .list(.webhook), pipeOption: "dg",
    action: Action.run { arguments, services in
      var webhooks = try await native(arguments, services)
      if let groups = try await groupScope(arguments, services) {
        webhooks = webhooks.filter { $0.deviceGroup.map { groups.contains($0.id) } ?? false }
      }
      let urls = arguments.list("url")
      let events = arguments.list("event")
      webhooks = webhooks.filter { webhook in
        (urls.isEmpty || urls.contains(webhook.url))
          && (events.isEmpty || events.contains(webhook.event.rawValue))
      }
      return EntityValues.list(webhooks)
    })

  /// The webhooks of the groups `--dg` names (one request each), or every webhook.
  private static func native(
    _ arguments: Arguments, _ services: any CommandServices
  ) async throws -> [Webhook] {
    guard let groups = try await ListScope(services).deviceGroups(arguments.list("dg")) else {
      return try await services.client.webhooks()
    }
    var webhooks: [Webhook] = []
    for group in groups {
      webhooks += try await services.client.webhooks(WebhookFilter(deviceGroupID: group))
    }
    return webhooks
  }

  /// The ids of the device groups `--owner`, `--product` and `--dg-type` allow; nil when
  /// none of them was given.
  private static func groupScope(
    _ arguments: Arguments, _ services: any CommandServices
  ) async throws -> Set<String>? {
    let scope = ListScope(services)
    let owners = try await scope.accounts(arguments.list("owner"))
    let products = try await scope.products(arguments.list("product"))
    let types = try arguments.list("dg-type").map { try DeviceGroupType(validating: $0) }
    guard owners != nil || products != nil || !types.isEmpty else { return nil }
    var ids: Set<String> = []
    for owner in Combinations.values(owners) {
      for product in Combinations.values(products) {
        for type in Combinations.values(types.isEmpty ? nil : types) {
          let filter = DeviceGroupFilter(ownerID: owner, productID: product, type: type)
          ids.formUnion(try await services.client.deviceGroups(filter).map(\.id))
        }
      }
    }
    return ids
  }
}
