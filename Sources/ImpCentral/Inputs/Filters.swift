import Foundation

/// A collection's filters, as typed fields: a filter the collection does not support
/// cannot be written.
public protocol CollectionFilter: Sendable, Hashable {
  /// The `filter[…]` query items, after checking their values.
  func queryItems() throws(ImpCentralError) -> [URLQueryItem]
}

/// Filters of `GET /products`.
public struct ProductFilter: CollectionFilter {
  /// Only products of this account.
  public var ownerID: String?

  /// Creates a filter.
  public init(ownerID: String? = nil) {
    self.ownerID = ownerID
  }

  public func queryItems() throws(ImpCentralError) -> [URLQueryItem] {
    try FilterItems().id("owner.id", ownerID).items
  }
}

/// Filters of `GET /devicegroups`.
public struct DeviceGroupFilter: CollectionFilter {
  /// Only those owned by this account.
  public var ownerID: String?
  /// Only those of this product.
  public var productID: String?
  /// Only groups of this type.
  public var type: DeviceGroupType?

  /// Creates a filter.
  public init(ownerID: String? = nil, productID: String? = nil, type: DeviceGroupType? = nil) {
    self.ownerID = ownerID
    self.productID = productID
    self.type = type
  }

  public func queryItems() throws(ImpCentralError) -> [URLQueryItem] {
    try FilterItems().id("owner.id", ownerID).id("product.id", productID)
      .value("type", type?.apiType).items
  }
}

/// Filters of `GET /devices`.
public struct DeviceFilter: CollectionFilter {
  /// Only those owned by this account.
  public var ownerID: String?
  /// Only devices assigned to a group of this product.
  public var productID: String?
  /// Only those of this device group.
  public var deviceGroupID: String?
  /// Only devices whose group has this owner, or only unassigned devices.
  public var deviceGroupOwner: DeviceGroupOwner?
  /// Only devices in groups of this type.
  public var deviceGroupType: DeviceGroupType?

  /// Who owns the group of a device, for `filter[devicegroup.owner.id]`.
  public enum DeviceGroupOwner: Sendable, Hashable {
    case account(String)
    /// Devices in no group (the literal `null`).
    case unassigned
  }

  /// Creates a filter.
  public init(
    ownerID: String? = nil, productID: String? = nil, deviceGroupID: String? = nil,
    deviceGroupOwner: DeviceGroupOwner? = nil, deviceGroupType: DeviceGroupType? = nil
  ) {
    self.ownerID = ownerID
    self.productID = productID
    self.deviceGroupID = deviceGroupID
    self.deviceGroupOwner = deviceGroupOwner
    self.deviceGroupType = deviceGroupType
  }

  public func queryItems() throws(ImpCentralError) -> [URLQueryItem] {
    var owner: String?
    switch deviceGroupOwner {
    case .account(let id): owner = id
    case .unassigned: owner = "null"
    case nil: owner = nil
    }
    return try FilterItems().id("owner.id", ownerID).id("product.id", productID)
      .id("devicegroup.id", deviceGroupID).id("devicegroup.owner.id", owner)
      .value("devicegroup.type", deviceGroupType?.apiType).items
  }
}

/// Filters of `GET /deployments`.
public struct DeploymentFilter: CollectionFilter {
  /// Only those owned by this account.
  public var ownerID: String?
  /// Only those created by this account.
  public var creatorID: String?
  /// Only those of this product.
  public var productID: String?
  /// Only those of this device group.
  public var deviceGroupID: String?
  /// Only deployments with this code hash.
  public var sha: String?
  /// Only flagged, only unflagged, or any deployments.
  public var flagged: Flagged?
  /// Only deployments last flagged by this account.
  public var flaggerID: String?
  /// Only deployments carrying every one of these tags.
  public var tags: [String]

  /// Which deployments `filter[flagged]` keeps.
  public enum Flagged: String, Sendable, Hashable, CaseIterable {
    case flagged = "true"
    case unflagged = "false"
    case any
  }

  /// Creates a filter.
  public init(
    ownerID: String? = nil, creatorID: String? = nil, productID: String? = nil,
    deviceGroupID: String? = nil, sha: String? = nil, flagged: Flagged? = nil,
    flaggerID: String? = nil, tags: [String] = []
  ) {
    self.ownerID = ownerID
    self.creatorID = creatorID
    self.productID = productID
    self.deviceGroupID = deviceGroupID
    self.sha = sha
    self.flagged = flagged
    self.flaggerID = flaggerID
    self.tags = tags
  }

  public func queryItems() throws(ImpCentralError) -> [URLQueryItem] {
    try ArgumentChecks.tags(tags, "tag")
    return try FilterItems().id("owner.id", ownerID).id("creator.id", creatorID)
      .id("product.id", productID).id("devicegroup.id", deviceGroupID).id("sha", sha)
      .value("flagged", flagged?.rawValue).id("flagger.id", flaggerID)
      .value("tags", tags.isEmpty ? nil : tags.joined(separator: ",")).items
  }
}

/// Filters of `GET /webhooks`.
public struct WebhookFilter: CollectionFilter {
  /// Only those of this device group.
  public var deviceGroupID: String?

  /// Creates a filter.
  public init(deviceGroupID: String? = nil) {
    self.deviceGroupID = deviceGroupID
  }

  public func queryItems() throws(ImpCentralError) -> [URLQueryItem] {
    try FilterItems().id("devicegroup.id", deviceGroupID).items
  }
}

/// Collects `filter[name]=value` items in a fixed order.
private struct FilterItems {
  var items: [URLQueryItem] = []

  /// Adds an id-valued filter, refusing an empty id.
  func id(_ name: String, _ value: String?) throws(ImpCentralError) -> FilterItems {
    if let value { try ArgumentChecks.id(value, "filter[\(name)]") }
    return self.value(name, value)
  }

  /// Adds a filter whose value is already known to be valid.
  func value(_ name: String, _ value: String?) -> FilterItems {
    var copy = self
    if let value { copy.items.append(URLQueryItem(name: "filter[\(name)]", value: value)) }
    return copy
  }
}

/// One page of a collection: `page[number]` from 1 and `page[size]` from 1 to 100.
public struct PageRequest: Sendable, Hashable {
  /// The page number, from 1.
  public var number: Int
  /// How many items a page holds, from 1 to 100.
  public var size: Int

  /// The largest page the service serves.
  public static let maximumSize = 100

  /// Creates a page request; values are checked when it is used.
  public init(number: Int = 1, size: Int = 20) {
    self.number = number
    self.size = size
  }

  /// The query items, after checking the bounds.
  func queryItems() throws(ImpCentralError) -> [URLQueryItem] {
    guard number >= 1 else {
      throw .invalidArgument("page", "expected a page number of 1 or more, got \(number)")
    }
    guard (1...Self.maximumSize).contains(size) else {
      throw .invalidArgument(
        "page-size", "expected a page size from 1 to \(Self.maximumSize), got \(size)")
    }
    return [
      URLQueryItem(name: "page[number]", value: String(number)),
      URLQueryItem(name: "page[size]", value: String(size)),
    ]
  }
}
