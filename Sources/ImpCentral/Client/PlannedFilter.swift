import Foundation

/// A list's `filter[…]` items, applied to resources a dry run made or changed.
///
/// The service filters real resources; this decides whether a planned one would be in
/// the same list. It knows the filters of impCentral's collections; a filter it cannot
/// decide for a resource (a planned build's code hash, a creator) keeps the resource out,
/// except owner filters, which every planned resource passes: a dry run only plans
/// for the caller's account.
struct PlannedFilter: Sendable {
  /// The filter names and values, without `filter[` and `]`.
  let conditions: [(name: String, value: String)]

  /// The filter of a list request's query items.
  init(_ query: [URLQueryItem]) {
    conditions = query.compactMap { item in
      guard item.name.hasPrefix("filter["), item.name.hasSuffix("]") else { return nil }
      return (String(item.name.dropFirst("filter[".count).dropLast()), item.value ?? "")
    }
  }

  /// Whether any condition names a made-up id, so the service cannot answer the list.
  var namesPlannedID: Bool {
    conditions.contains { DryRunLedger.isPlanned($0.value) }
  }

  /// Whether `object` passes every condition; `planned` resolves made-up device groups.
  func admits(_ object: ResourceObject, in planned: [String: ResourceObject]) -> Bool {
    conditions.allSatisfy { admits(object, $0.name, $0.value, planned) }
  }

  private func admits(
    _ object: ResourceObject, _ name: String, _ value: String,
    _ planned: [String: ResourceObject]
  ) -> Bool {
    switch name {
    case "owner.id":
      return true
    case "devicegroup.owner.id":
      return value != "null" || object.relationships["devicegroup"] == nil
    case "type":
      return object.type == value
    case "product.id":
      return product(of: object, planned) == value
    case "devicegroup.id":
      return object.relationships["devicegroup"]?.id == value
    case "devicegroup.type":
      return object.relationships["devicegroup"]?.type == value
    case "flagged":
      return value == "any" || String(object.bool("flagged") ?? false) == value
    case "tags":
      let tags = Set(object.attributes["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [])
      return value.split(separator: ",").allSatisfy { tags.contains(String($0)) }
    default:
      return object.attributes[name.replacingOccurrences(of: ".", with: "_")]?.stringValue
        == value
    }
  }

  /// The product of a resource: its own relationship, or its made-up group's.
  private func product(
    of object: ResourceObject, _ planned: [String: ResourceObject]
  ) -> String? {
    if let product = object.relationships["product"] { return product.id }
    guard let group = object.relationships["devicegroup"] else { return nil }
    return planned[group.id]?.relationships["product"]?.id
  }
}
