import ImpCentral
import ImptLanguage

/// `webhook create|delete|info|list|update`.
enum WebhookCommands {
  /// The group's commands, in help order.
  static let all = [create, delete, info, list, update]

  /// `webhook list`, kept with its filters in `WebhookList`.
  static let list = WebhookList.spec

  static let create = CommandSpec(
    group: "webhook", verb: "create", summary: "create a webhook on a device group",
    details: """
      impCentral posts to the URL when the event happens in the group: a blessing or a \
      BlinkUp in a production group, a new deployment in any group.
      """,
    options: [
      Opt.dg(), WebhookOptions.url(.required), WebhookOptions.event, WebhookOptions.mime(.required),
    ],
    examples: [
      CommandExample(
        "webhook create --dg MyProductionDG --url https://example.com/blessed --event blessing "
          + "--mime json",
        "tell a server about every blessed device",
        setup: WebhookExamples.productionGroup),
      CommandExample(
        "webhook create --dg MyDevDG --url https://example.com/deployed --event deployment "
          + "--mime urlencoded",
        "a form-encoded call on every deployment", setup: WebhookExamples.developmentGroup),
    ],
    effect: .write, result: .entity(.webhook), pipeOption: "dg",
    action: Action.run { arguments, services in
      let group = try await DeviceGroupSupport(services).group(arguments)
      let draft = WebhookDraft(
        deviceGroup: group.ref, url: try arguments.required("url"),
        event: try WebhookOptions.event(arguments),
        contentType: try WebhookOptions.requiredMime(arguments))
      let webhook = try await services.client.createWebhook(draft)
      services.note(
        "created webhook \(webhook.id): \(webhook.event.rawValue) in '\(group.name)' → "
          + webhook.url)
      return webhook.value
    })

  static let info = CommandSpec(
    group: "webhook", verb: "info", summary: "show a webhook",
    options: [WebhookOptions.wh],
    examples: [
      CommandExample(
        "webhook list --dg MyDevDG | webhook info", "the webhooks of a group, in full",
        setup: WebhookExamples.developmentGroup + [WebhookExamples.deploymentHook])
    ],
    result: .entity(.webhook), pipeOption: "wh",
    action: Action.run { arguments, services in
      try await Resolver(client: services.client)
        .webhook(try arguments.identifier("wh").orMissing("wh")).value
    })

  static let update = CommandSpec(
    group: "webhook", verb: "update", summary: "change a webhook's URL or content type",
    details: "A webhook's event cannot change; delete it and create another instead.",
    options: [WebhookOptions.wh, WebhookOptions.url(.optional), WebhookOptions.mime(.optional)],
    examples: [
      CommandExample(
        "webhook list --dg MyDevDG | webhook update --url https://example.com/v2/deployed",
        "point a group's webhooks at a new URL",
        setup: WebhookExamples.developmentGroup + [WebhookExamples.deploymentHook])
    ],
    effect: .write, result: .entity(.webhook), pipeOption: "wh",
    action: Action.run { arguments, services in
      let webhook = try await Resolver(client: services.client)
        .webhook(try arguments.identifier("wh").orMissing("wh"))
      let changes = WebhookChanges(
        url: arguments.string("url"), contentType: try WebhookOptions.mime(arguments))
      guard changes.url != nil || changes.contentType != nil else {
        services.note("nothing to change: give --url or --mime")
        return webhook.value
      }
      let updated = try await services.client.updateWebhook(id: webhook.id, changes)
      services.note("updated webhook \(updated.id)")
      return updated.value
    })

  static let delete = CommandSpec(
    group: "webhook", verb: "delete", summary: "delete a webhook",
    options: [WebhookOptions.wh, Opt.confirmed],
    examples: [
      CommandExample(
        "webhook list --dg MyDevDG | webhook delete --confirmed", "delete a group's webhooks",
        setup: WebhookExamples.developmentGroup + [WebhookExamples.deploymentHook])
    ],
    effect: .destructive, pipeOption: "wh",
    action: Action.run { arguments, services in
      let webhook = try await Resolver(client: services.client)
        .webhook(try arguments.identifier("wh").orMissing("wh"))
      try await DeleteEngine(services: services).run(
        DeletePlan(webhooks: [webhook]), arguments)
      return .null
    })
}

/// The options only the webhook commands have.
enum WebhookOptions {
  /// `--wh WEBHOOK`: the webhook to act on.
  static let wh = OptionSpec(
    "wh", short: "w", requirement: .required, placeholder: "WEBHOOK",
    summary: "the webhook's id", identifies: .webhook)

  /// `--event`: what fires a new webhook.
  static let event = OptionSpec(
    "event", short: "e", kind: .choice(WebhookEvent.allCases.map(\.rawValue)),
    requirement: .required, placeholder: "EVENT", summary: "what fires the webhook")

  /// `--url URL`, required or not.
  static func url(_ requirement: Requirement) -> OptionSpec {
    OptionSpec(
      "url", short: "u", requirement: requirement, placeholder: "URL",
      summary: "the absolute URL impCentral posts to")
  }

  /// `--mime json|urlencoded`, required or not.
  static func mime(_ requirement: Requirement) -> OptionSpec {
    OptionSpec(
      "mime", short: "m", kind: .choice(WebhookContentType.allCases.map(\.name)),
      requirement: requirement, placeholder: "TYPE",
      summary: "how the payload is encoded: json or urlencoded")
  }

  /// The event `--event` names.
  static func event(_ arguments: Arguments) throws -> WebhookEvent {
    let text = try arguments.required("event")
    guard let event = WebhookEvent(rawValue: text) else {
      throw CommandError.badValue(
        "event", "expected blessing, blinkup or deployment, not '\(text)'")
    }
    return event
  }

  /// The content type `--mime` names; throws when it is missing.
  static func requiredMime(_ arguments: Arguments) throws -> WebhookContentType {
    _ = try arguments.required("mime")
    return try mime(arguments) ?? .json
  }

  /// The content type `--mime` names, when given.
  static func mime(_ arguments: Arguments) throws -> WebhookContentType? {
    guard let text = arguments.string("mime") else { return nil }
    guard let type = WebhookContentType(name: text) else {
      throw CommandError.badValue("mime", "expected json or urlencoded, not '\(text)'")
    }
    return type
  }
}

/// Setup lines the webhook examples share.
enum WebhookExamples {
  /// A product with a development group, `MyDevDG`.
  static let developmentGroup = [
    "product create --name MyProduct", "dg create --name MyDevDG --product MyProduct",
  ]

  /// A product with a production group, `MyProductionDG`.
  static let productionGroup = [
    "product create --name MyProduct",
    "dg create --name MyProductionDG --dg-type production --product MyProduct",
  ]

  /// A deployment webhook on `MyDevDG`.
  static let deploymentHook =
    "webhook create --dg MyDevDG --url https://example.com/deployed --event deployment --mime json"
}
