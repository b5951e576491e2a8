import Foundation

/// A device in the account: an imp, assigned to at most one device group.
public struct Device: APIResource {
  public static let kind = ResourceKind.device

  /// The resource as the service sent it.
  public var object: ResourceObject
  /// The name.
  public var name: String?
  /// The MAC address, lowercase and colon-separated: `0c:2a:69:05:0d:62`.
  public var macAddress: String
  /// The agent's id; nil while the device is unassigned.
  public var agentID: String?
  /// The URL of the device's agent.
  public var agentURL: String?
  /// Whether the device is connected.
  public var deviceOnline: Bool?
  /// When the device last connected or disconnected.
  public var deviceStateChangedAt: Date?
  /// Whether the agent is running.
  public var agentRunning: Bool?
  /// When the agent last started or stopped.
  public var agentStateChangedAt: Date?
  /// When the device last enrolled.
  public var lastEnrolledAt: Date?
  /// The hardware type, such as `imp001`.
  public var impType: String?
  /// The device's IP address.
  public var ipAddress: String?
  /// Free memory in KB.
  public var freeMemory: Int?
  /// Signal strength in dBm.
  public var rssi: Int?
  /// The impOS version string.
  public var swversion: String?
  /// The BlinkUp plan id.
  public var planID: String?
  /// When the resource was created.
  public var createdAt: Date?
  /// When the resource last changed.
  public var updatedAt: Date?
  /// The group the device is assigned to; nil when unassigned.
  public var deviceGroup: ResourceRef?
  /// The product of the device's group.
  public var product: ResourceRef?
  /// The account that owns the device.
  public var owner: ResourceRef?

  public init(_ object: ResourceObject) throws {
    let reader = try FieldReader(object, as: Self.kind)
    self.object = object
    name = try reader.string("name")
    macAddress = try reader.requiredString("mac_address")
    agentID = try reader.string("agent_id")
    agentURL = try reader.string("agent_url")
    deviceOnline = try reader.bool("device_online")
    deviceStateChangedAt = try reader.date("device_state_changed_at")
    agentRunning = try reader.bool("agent_running")
    agentStateChangedAt = try reader.date("agent_state_changed_at")
    lastEnrolledAt = try reader.date("last_enrolled_at")
    impType = try reader.string("imp_type")
    ipAddress = try reader.string("ip_address")
    freeMemory = try reader.int("free_memory")
    rssi = try reader.int("rssi")
    swversion = try reader.string("swversion")
    planID = try reader.string("plan_id")
    createdAt = try reader.date("created_at")
    updatedAt = try reader.date("updated_at")
    deviceGroup = reader.relationship("devicegroup")
    product = reader.relationship("product")
    owner = reader.relationship("owner")
  }

  /// Whether the device belongs to a device group.
  public var isAssigned: Bool { deviceGroup != nil }
}
