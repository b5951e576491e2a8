import Foundation
import ImpCentral

/// One webhook call the sandbox made (or would make): what, where, and with which payload.
public struct WebhookFiring: Sendable, Equatable {
  /// The order of the firing among all firings.
  public var sequence: Int
  /// The webhook that fired.
  public var webhookID: String
  /// The device group the webhook belongs to.
  public var deviceGroupID: String
  /// `blessing`, `blinkup` or `deployment`.
  public var event: String
  /// Where the firing goes.
  public var url: String
  /// `application/json` or `application/x-www-form-urlencoded`.
  public var contentType: String
  /// The payload as a JSON object.
  public var payload: JSONValue
  /// When it fired, as an impCentral timestamp.
  public var firedAt: String

  /// Creates a firing.
  public init(
    sequence: Int, webhookID: String, deviceGroupID: String, event: String, url: String,
    contentType: String, payload: JSONValue, firedAt: String
  ) {
    self.sequence = sequence
    self.webhookID = webhookID
    self.deviceGroupID = deviceGroupID
    self.event = event
    self.url = url
    self.contentType = contentType
    self.payload = payload
    self.firedAt = firedAt
  }

  /// The request body: JSON, or `key=value&…` (keys sorted) for form content.
  public var body: Data {
    guard contentType == WebhookFiring.formContentType else { return JSONWriter.data(payload) }
    let members = payload.objectValue ?? [:]
    let pairs = members.keys.sorted().map { key in
      CollectionReply.encode(key) + "=" + CollectionReply.encode(Self.formValue(members[key]))
    }
    return Data(pairs.joined(separator: "&").utf8)
  }

  private static func formValue(_ value: JSONValue?) -> String {
    switch value {
    case .string(let text)?: text
    case .bool(let flag)?: flag ? "true" : "false"
    case .number?, .array?, .object?:
      value.map { String(decoding: JSONWriter.data($0), as: UTF8.self) } ?? ""
    case .null?, nil: ""
    }
  }

  /// Whether the URL's host is this machine (127.0.0.0/8, localhost or ::1).
  public var isLoopback: Bool {
    guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
    return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
  }

  /// The form content type.
  public static let formContentType = "application/x-www-form-urlencoded"
}
