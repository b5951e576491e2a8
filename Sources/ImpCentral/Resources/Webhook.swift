import Foundation

/// A webhook: a URL impCentral posts to when an event happens in a device group.
public struct Webhook: APIResource {
  public static let kind = ResourceKind.webhook

  /// The resource as the service sent it.
  public var object: ResourceObject
  /// The URL impCentral posts to.
  public var url: String
  /// The event that fires the webhook.
  public var event: WebhookEvent
  /// How the payload is encoded.
  public var contentType: WebhookContentType
  /// When the resource was created.
  public var createdAt: Date?
  /// When the resource last changed.
  public var updatedAt: Date?
  /// The group whose events fire the webhook.
  public var deviceGroup: ResourceRef?
  /// The account that owns the webhook.
  public var owner: ResourceRef?
  /// The account that created the webhook.
  public var creator: ResourceRef?

  public init(_ object: ResourceObject) throws {
    let reader = try FieldReader(object, as: Self.kind)
    self.object = object
    url = try reader.requiredString("url")
    let event = try reader.requiredString("event")
    guard let parsedEvent = WebhookEvent(rawValue: event) else {
      throw ImpCentralError.unexpected("impCentral sent a webhook with unknown event '\(event)'")
    }
    self.event = parsedEvent
    let type = try reader.requiredString("content_type")
    guard let contentType = WebhookContentType(rawValue: type) else {
      throw ImpCentralError.unexpected(
        "impCentral sent a webhook with unknown content type '\(type)'")
    }
    self.contentType = contentType
    createdAt = try reader.date("created_at")
    updatedAt = try reader.date("updated_at")
    deviceGroup = reader.relationship("devicegroup")
    owner = reader.relationship("owner")
    creator = reader.relationship("creator")
  }
}

/// The events a webhook can fire on.
public enum WebhookEvent: String, Sendable, Hashable, CaseIterable {
  /// A fixture blessed a device into a production group.
  case blessing
  /// An end user activated a device with BlinkUp.
  case blinkup
  /// A deployment was made for the group.
  case deployment
}

/// How a webhook's payload is encoded.
public enum WebhookContentType: String, Sendable, Hashable, CaseIterable {
  case json = "application/json"
  case urlencoded = "application/x-www-form-urlencoded"

  /// The short name people type: `json` or `urlencoded`.
  public var name: String { self == .json ? "json" : "urlencoded" }

  /// The content type named `json` or `urlencoded`, or given as its MIME type.
  public init?(name: String) {
    guard let match = Self.allCases.first(where: { $0.name == name || $0.rawValue == name })
    else { return nil }
    self = match
  }
}
