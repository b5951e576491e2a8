import Foundation

/// Builds the request bodies the impCentral API reads, and parses response bodies.
public enum JSONAPIBody {
  /// A create body: `{"data": {"type", "attributes", "relationships"?}}`.
  ///
  /// Relationships are flat `{type, id}` objects; with none, `relationships` is left out.
  public static func create(
    type: String, attributes: [String: JSONValue], relationships: [String: ResourceRef] = [:]
  ) -> JSONValue {
    var data: [String: JSONValue] = ["type": .string(type), "attributes": .object(attributes)]
    if !relationships.isEmpty { data["relationships"] = .object(relationships.mapValues(\.json)) }
    return ["data": .object(data)]
  }

  /// An update body: `{"data": {"type", "id", "attributes", "relationships"?}}`.
  public static func update(
    type: String, id: String, attributes: [String: JSONValue],
    relationships: [String: ResourceRef] = [:]
  ) -> JSONValue {
    var body = create(type: type, attributes: attributes, relationships: relationships)
    if case .object(var data) = body["data"] {
      data["id"] = .string(id)
      body = ["data": .object(data)]
    }
    return body
  }

  /// A to-many linkage body: `{"data": [{"type": "device", "id": …}, …]}`.
  public static func linkage(_ refs: [ResourceRef]) -> JSONValue {
    ["data": .array(refs.map(\.json))]
  }

  /// A to-one linkage body: `{"data": {"type": "deployment", "id": …}}`.
  public static func linkage(_ ref: ResourceRef) -> JSONValue {
    ["data": ref.json]
  }

  /// Parses a response body that must be JSON.
  static func parse(_ body: Data) throws(ImpCentralError) -> JSONValue {
    do {
      return try JSONValue.parse(body)
    } catch {
      throw .unexpected("impCentral sent a body that is not JSON: \(error.message)")
    }
  }
}
