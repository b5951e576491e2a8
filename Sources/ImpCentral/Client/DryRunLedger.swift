import Foundation
import Synchronization

/// What a dry run has planned, so that later reads see it as if it had happened.
///
/// It keeps the resources the run pretends to have made (with made-up ids), the planned
/// state of real resources it pretends to have changed, and the real ids it pretends to
/// have deleted. A class because every copy of a client shares one ledger; a `Mutex`
/// guards its state.
final class DryRunLedger: Sendable {
  private struct State {
    var nextNumber = 1
    var planned: [String: ResourceObject] = [:]
    var plannedOrder: [String] = []
    var changed: [String: ResourceObject] = [:]
    var deleted: Set<String> = []
    var patches: [String: [String: ResourceRef]] = [:]

    /// `object` with the relationships planned for it laid over its own.
    func patched(_ object: ResourceObject) -> ResourceObject {
      guard let patch = patches[object.id] else { return object }
      var copy = object
      copy.relationships.merge(patch) { _, planned in planned }
      return copy
    }
  }

  private let state = Mutex(State())

  /// The prefix of every made-up id: `planned-1`, `planned-2`…
  static let idPrefix = "planned-"

  /// Whether `id` is one a dry run made up.
  static func isPlanned(_ id: String) -> Bool { id.hasPrefix(idPrefix) }

  /// A fresh made-up id.
  func nextID() -> String {
    state.withLock { state in
      defer { state.nextNumber += 1 }
      return Self.idPrefix + String(state.nextNumber)
    }
  }

  /// Keeps a resource as the dry run left it: a made-up one, or a real one it changed.
  func remember(_ object: ResourceObject) {
    state.withLock { state in
      if Self.isPlanned(object.id) {
        if state.planned.updateValue(object, forKey: object.id) == nil {
          state.plannedOrder.append(object.id)
        }
      } else {
        state.changed[object.id] = object
      }
    }
  }

  /// Forgets a resource, as a planned delete does: later reads no longer find it.
  func forget(_ id: String) {
    state.withLock { state in
      if state.planned.removeValue(forKey: id) != nil {
        state.plannedOrder.removeAll { $0 == id }
      }
      state.changed[id] = nil
      state.deleted.insert(id)
    }
  }

  /// Points the relationship `name` of resource `id` at `target`, as a planned write
  /// that changes it as a side effect does (a new build becomes its group's current one).
  func relate(_ id: String, _ name: String, to target: ResourceRef) {
    state.withLock { state in
      if state.planned[id] != nil {
        state.planned[id]?.relationships[name] = target
      } else if state.changed[id] != nil {
        state.changed[id]?.relationships[name] = target
      } else {
        state.patches[id, default: [:]][name] = target
      }
    }
  }

  /// A real resource as read from the service, with the relationships planned for it.
  func patched(_ object: ResourceObject) -> ResourceObject {
    state.withLock { $0.patched(object) }
  }

  /// The resource as the dry run left it, if it made or changed it.
  func planned(_ id: String) -> ResourceObject? {
    state.withLock { $0.planned[id] ?? $0.changed[id] }
  }

  /// Whether the dry run deleted the real resource `id`.
  func isDeleted(_ id: String) -> Bool {
    state.withLock { $0.deleted.contains(id) }
  }

  /// The page of a real list as the dry run left it: deleted resources dropped, changed
  /// ones replaced (and dropped when they no longer pass `filter`), and on the last page
  /// the made-up and changed resources of `kind` that pass `filter` added after them.
  func overlay(
    _ page: [ResourceObject], kind: ResourceKind, filter: PlannedFilter, lastPage: Bool
  ) -> [ResourceObject] {
    state.withLock { state in
      var seen = Set<String>()
      var result: [ResourceObject] = []
      for object in page where !state.deleted.contains(object.id) {
        seen.insert(object.id)
        let current = state.changed[object.id] ?? state.patched(object)
        if current == object || filter.admits(current, in: state.planned) {
          result.append(current)
        }
      }
      guard lastPage else { return result }
      let extra =
        state.plannedOrder.compactMap { state.planned[$0] }
        + state.changed.values.sorted { $0.id < $1.id }.filter { !seen.contains($0.id) }
      for object in extra where object.kind == kind && filter.admits(object, in: state.planned) {
        result.append(object)
      }
      return result
    }
  }
}
