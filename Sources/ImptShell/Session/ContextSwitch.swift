import ImpCentral
import ImptCommands
import ImptLanguage

/// Carries out `use`: shows, clears or sets the session's product and device group.
///
/// The working folder's impt project stays whatever is in use: its files belong to its
/// device group, not to the current one.
struct ContextSwitch {
  let session: ShellSession

  /// Applies one `use` statement.
  func apply(_ request: UseRequest) async throws {
    switch request {
    case .show:
      session.show(contextValue())
    case .clear:
      session.context = SessionContext(project: session.context.project)
    case .set(.product, let value):
      let product = try await resolver().product(value)
      session.context = SessionContext(
        productID: product.id, productName: product.name, project: session.context.project)
    case .set(.deviceGroup, let value):
      try await useGroup(value)
    }
  }

  /// Uses the group and its product.
  func useGroup(_ value: Value) async throws {
    let client = session.connection.client
    let group = try await resolver().deviceGroup(value)
    let product = try await client.product(id: group.product.id)
    session.context = SessionContext(
      productID: product.id, productName: product.name,
      deviceGroupID: group.id, deviceGroupName: group.name, project: session.context.project)
  }

  private func resolver() -> Resolver {
    Resolver(client: session.connection.client, productScope: session.context.productID)
  }

  private func contextValue() -> Value {
    let context = session.context
    func field(_ name: String?, _ id: String?) -> Value {
      guard let name, let id else { return .string("(none)") }
      return .string("\(name) (\(id))")
    }
    return .record(
      Record([
        ("backend", .string(session.connection.label)),
        ("product", field(context.productName, context.productID)),
        ("dg", field(context.deviceGroupName, context.deviceGroupID)),
      ]))
  }
}
