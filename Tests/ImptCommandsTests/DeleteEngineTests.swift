import ImpCentral
import ImptShell
import Synchronization
import Testing

@testable import ImptCommands
@testable import ImptLanguage

/// The delete engine tells the session which products and device groups are gone, so
/// it stops using them.
@Suite struct DeleteEngineTests {
  /// Regression: after `dg delete` of the group in use, the prompt and `use` kept it.
  @Test func deletingTheGroupInUseStopsUsingIt() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("use dg MyDevDG")

    await fleet.ok("dg delete --dg MyDevDG --confirmed")

    #expect(fleet.shell.session.context.deviceGroupID == nil)
    #expect(fleet.shell.session.context.productName == "MyProduct")
  }

  @Test func deletingTheProductInUseWithItsGroupsStopsUsingBoth() async throws {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("use dg MyDevDG")

    await fleet.ok("product delete --product MyProduct --force --confirmed")

    #expect(fleet.shell.session.context.productID == nil)
    #expect(fleet.shell.session.context.deviceGroupID == nil)
  }

  @Test func anEntityAlreadyGoneIsReportedToo() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeDevelopmentGroup()
    let group = try await shell.group("MyDevDG")
    let product = try await shell.client.product(id: group.product.id)
    try await shell.client.deleteDeviceGroup(id: group.id)
    let services = DeletionRecorder(client: shell.client)

    try await DeleteEngine(services: services).run(
      DeletePlan(groups: [group], products: [product]), Self.confirmed)

    #expect(services.deleted == [.init(.deviceGroup, group.id), .init(.product, product.id)])
    #expect(services.notes.first == "device group 'MyDevDG' was already gone")
  }

  @Test func aRefusedDeletionIsNotReported() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeDevelopmentGroup()
    let group = try await shell.group("MyDevDG")
    let product = try await shell.client.product(id: group.product.id)
    let services = DeletionRecorder(client: shell.client)

    await #expect(throws: CommandError.self) {
      try await DeleteEngine(services: services).run(
        DeletePlan(products: [product]), Self.confirmed)
    }

    #expect(services.deleted.isEmpty)
  }

  /// `dg delete --confirmed`, bound.
  private static var confirmed: Arguments {
    let place = SourcePosition(line: 1, column: 1)
    return Arguments(
      invocation: Invocation(
        command: DeviceGroupCommands.delete, arguments: ["confirmed": .bool(true)],
        range: SourceRange(file: "test", start: place, end: place)))
  }
}

/// Command services over a real client that record what they are told was deleted.
final class DeletionRecorder: CommandServices, Sendable {
  /// One report of a deletion.
  struct Deletion: Hashable, Sendable {
    let kind: ResourceKind
    let id: String

    init(_ kind: ResourceKind, _ id: String) {
      self.kind = kind
      self.id = id
    }
  }

  let client: ImpCentralClient
  private let state = Mutex((deleted: [Deletion](), notes: [String]()))

  init(client: ImpCentralClient) {
    self.client = client
  }

  /// The deletions reported so far, in order.
  var deleted: [Deletion] { state.withLock { $0.deleted } }
  /// The notes so far, in order.
  var notes: [String] { state.withLock { $0.notes } }

  var interaction: any Interaction { NoInteraction() }
  var auth: any AuthControl { NoAuth() }
  var sandbox: (any SandboxControl)? { nil }
  var context: SessionContext { SessionContext() }
  var isDryRun: Bool { false }
  var workingFolder: String { "/" }

  func note(_ text: String) { state.withLock { $0.notes.append(text) } }
  func emit(_ value: Value) {}
  func entityDeleted(kind: ResourceKind, id: String) {
    state.withLock { $0.deleted.append(Deletion(kind, id)) }
  }
}
