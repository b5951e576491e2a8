import Foundation
import ImpCentral

/// Names of products, device groups and devices for Tab completion, fetched on demand
/// and kept for a few seconds so repeated Tabs do not repeat requests.
final class EntityNameCache: @unchecked Sendable {
  // Safe: `entries` is only touched while holding `lock`.
  private let lock = NSLock()
  private var entries: [ResourceKind: (at: Date, names: [String])] = [:]
  private let session: ShellSession
  private let lifetime: TimeInterval = 10

  init(session: ShellSession) {
    self.session = session
  }

  /// The names of entities of `kind`; empty when they cannot be fetched.
  @available(*, noasync)
  func names(_ kind: ResourceKind) -> [String] {
    if let entry = lock.withLock({ entries[kind] }),
      Date().timeIntervalSince(entry.at) < lifetime
    {
      return entry.names
    }
    let client = session.connection.client
    let names = (try? runBlocking { try await Self.fetch(kind, client) }) ?? []
    lock.withLock { entries[kind] = (Date(), names) }
    return names
  }

  private static func fetch(_ kind: ResourceKind, _ client: ImpCentralClient) async throws
    -> [String]
  {
    switch kind {
    case .product: return try await client.products().map(\.name)
    case .deviceGroup: return try await client.deviceGroups().map(\.name)
    case .device: return try await client.devices().compactMap(\.name)
    case .deployment: return try await client.deployments().flatMap(\.tags)
    default: return []
    }
  }
}
