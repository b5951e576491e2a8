/// A device as the hardware simulation reports it.
public struct SimulatedDevice: Sendable, Equatable {
  /// The 16-hex device id.
  public var id: String
  /// The device name, if it has one.
  public var name: String?
  /// `0c:2a:69:…`, lowercase.
  public var macAddress: String
  /// `imp001` … `imp007`.
  public var impType: String
  /// Whether the device is connected.
  public var online: Bool
  /// The agent id, when the device has an agent.
  public var agentID: String?
  /// The device group the device is in, if any.
  public var deviceGroupID: String?
  /// Whether the device went through a factory fixture into a production group.
  public var blessed: Bool

  init(_ device: Device) {
    id = device.id
    name = device.name
    macAddress = device.mac
    impType = device.impType
    online = device.online
    agentID = device.agentID
    deviceGroupID = device.groupID
    blessed = device.blessed
  }
}
