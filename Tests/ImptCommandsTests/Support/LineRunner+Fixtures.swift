import ImpCentral
import ImpCentralSandbox
import Testing

@testable import ImptCommands
@testable import ImptLanguage

/// Setup steps that belong to other command groups (device assignment, deployments),
/// done through the client so these tests do not depend on those groups.
extension LineRunner {
  /// The device group called `name`.
  func group(_ name: String) async throws -> DeviceGroup {
    let groups = try await client.deviceGroups().filter { $0.name == name }
    return try #require(groups.first)
  }

  /// The device called `name`.
  func device(_ name: String) async throws -> Device {
    let devices = try await client.devices().filter { $0.name == name }
    return try #require(devices.first)
  }

  /// Assigns the device `device` to the group `group`.
  func assign(_ device: String, to group: String) async throws {
    let found = try await self.device(device)
    try await client.assignDevices([found.id], toDeviceGroup: try await self.group(group).id)
  }

  /// Deploys small code to the group `group`.
  func deploy(to group: String, deviceCode: String = "server.log(\"factory ready\");")
    async throws
  {
    let found = try await self.group(group)
    _ = try await client.createDeployment(
      DeploymentDraft(deviceGroup: found.ref, deviceCode: deviceCode, agentCode: ""))
  }

  /// A product `MyProduct` with a development group `MyDevDG`.
  func makeDevelopmentGroup() async throws {
    try await value("product create --name MyProduct")
    try await value("dg create --name MyDevDG --product MyProduct")
  }

  /// A product with production, DUT and factory groups, a fixture device assigned to the
  /// factory group, and factory code deployed to it: a factory line ready to run.
  func makeFactoryLine() async throws {
    try await value("product create --name MyProduct")
    try await value("dg create --name MyProductionDG --dg-type production --product MyProduct")
    try await value("dg create --name MyDutDG --dg-type dut --product MyProduct")
    try await value(
      "dg create --name MyFactoryDG --dg-type factory --product MyProduct "
        + "--target MyProductionDG --dut MyDutDG")
    try await value("sandbox device add --count 1 --name fixture")
    try await assign("fixture-1", to: "MyFactoryDG")
    try await deploy(to: "MyFactoryDG")
  }
}

extension Value {
  /// The items of a list value; empty for anything else.
  var listItems: [Value] {
    if case .list(let items) = self { return items }
    return []
  }

  /// A field of an entity or record.
  func field(_ name: String) -> Value? {
    switch self {
    case .entity(let entity): entity.fields[name]
    case .record(let record): record[name]
    default: nil
    }
  }

  /// A text field of an entity or record.
  func text(_ name: String) -> String? {
    if case .string(let text)? = field(name) { return text }
    return nil
  }

  /// The id of an entity.
  var entityID: String? {
    if case .entity(let entity) = self { return entity.id }
    return nil
  }
}
