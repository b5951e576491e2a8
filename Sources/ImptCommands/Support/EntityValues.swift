import ImpCentral
import ImptLanguage

/// Resources as language values: entities whose fields the language's schema projects.
extension APIResource {
  /// The resource as an entity value.
  var value: Value { EntityValues.value(object) }
}

/// Turns resources into entity values.
enum EntityValues {
  /// An entity value for `object`, or a plain record when its kind is unknown.
  static func value(_ object: ResourceObject) -> Value {
    guard let kind = object.kind else {
      return .record(Record([("id", .string(object.id)), ("type", .string(object.type))]))
    }
    let fields = EntitySchema.of(kind).project(object)
    return .entity(Entity(kind: kind, id: object.id, fields: fields, resource: object))
  }

  /// A list value of entities.
  static func list(_ resources: [some APIResource]) -> Value {
    .list(resources.map(\.value))
  }
}
