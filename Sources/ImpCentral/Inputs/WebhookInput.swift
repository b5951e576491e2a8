/// What a new webhook is made of.
public struct WebhookDraft: Sendable, Hashable {
  /// The group whose events fire the webhook, with its concrete type.
  public var deviceGroup: ResourceRef
  /// The URL impCentral posts to.
  public var url: String
  /// The event that fires the webhook.
  public var event: WebhookEvent
  /// How the payload is encoded.
  public var contentType: WebhookContentType

  /// Creates a draft.
  public init(
    deviceGroup: ResourceRef, url: String, event: WebhookEvent,
    contentType: WebhookContentType
  ) {
    self.deviceGroup = deviceGroup
    self.url = url
    self.event = event
    self.contentType = contentType
  }

  var attributes: [String: JSONValue] {
    AttributeMap().set("url", url).set("event", event.rawValue)
      .set("content_type", contentType.rawValue).members
  }
}

/// Changes to a webhook; the event cannot change.
public struct WebhookChanges: Sendable, Hashable {
  /// The URL impCentral posts to.
  public var url: String?
  /// How the payload is encoded.
  public var contentType: WebhookContentType?

  /// Creates changes.
  public init(url: String? = nil, contentType: WebhookContentType? = nil) {
    self.url = url
    self.contentType = contentType
  }

  var attributes: [String: JSONValue] {
    AttributeMap().set("url", url).set("content_type", contentType?.rawValue).members
  }
}
