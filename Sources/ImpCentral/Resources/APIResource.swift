/// A typed impCentral resource: typed fields over the raw resource object they came from.
///
/// Every resource keeps `object`, so nothing the service sent is lost even when this
/// client has no typed field for it.
public protocol APIResource: Sendable, Hashable {
  /// The kind of entity this type represents.
  static var kind: ResourceKind { get }
  /// The resource's id.
  var id: String { get }
  /// The resource as the service sent it.
  var object: ResourceObject { get }

  /// Reads the typed fields of `object`.
  ///
  /// Throws `api.unexpectedResponse` when the object is of another type, lacks a required
  /// field, or holds a field of the wrong JSON type.
  init(_ object: ResourceObject) throws
}

extension APIResource {
  /// The resource's id.
  public var id: String { object.id }

  /// A flat reference to this resource, as relationships and linkage bodies carry it.
  public var ref: ResourceRef { ResourceRef(type: object.type, id: object.id) }
}
