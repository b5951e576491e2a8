import Foundation

/// Reads typed fields out of a resource object, failing with a message that names the
/// resource kind and the field.
struct FieldReader {
  let object: ResourceObject
  let kind: ResourceKind

  /// Checks the object's type and prepares to read it as a `kind`.
  init(_ object: ResourceObject, as kind: ResourceKind) throws(ImpCentralError) {
    guard object.kind == kind else {
      throw .unexpected(
        "expected a \(kind.noun) from impCentral but got a resource of type '\(object.type)'")
    }
    self.object = object
    self.kind = kind
  }

  /// The string attribute `name`; nil when absent or null.
  func string(_ name: String) throws(ImpCentralError) -> String? {
    try value(name, "a string", \.stringValue)
  }

  /// The string attribute `name`, which must be present.
  func requiredString(_ name: String) throws(ImpCentralError) -> String {
    try required(name, try string(name))
  }

  /// The Boolean attribute `name`; nil when absent or null.
  func bool(_ name: String) throws(ImpCentralError) -> Bool? {
    try value(name, "a Boolean", \.boolValue)
  }

  /// The whole-number attribute `name`; nil when absent or null.
  func int(_ name: String) throws(ImpCentralError) -> Int? {
    try value(name, "a whole number", \.intValue)
  }

  /// The timestamp attribute `name`; nil when absent or null.
  func date(_ name: String) throws(ImpCentralError) -> Date? {
    guard let text = try string(name) else { return nil }
    guard let date = Timestamp.date(from: text) else {
      throw mismatch(name, "an ISO 8601 timestamp")
    }
    return date
  }

  /// The array-of-strings attribute `name`; nil when absent or null.
  func strings(_ name: String) throws(ImpCentralError) -> [String]? {
    guard let values = try value(name, "a list of strings", \.arrayValue) else { return nil }
    let strings = values.compactMap(\.stringValue)
    guard strings.count == values.count else { throw mismatch(name, "a list of strings") }
    return strings
  }

  /// The object attribute `name`; nil when absent or null.
  func members(_ name: String) throws(ImpCentralError) -> [String: JSONValue]? {
    try value(name, "an object", \.objectValue)
  }

  /// The relationship `name`; nil when absent.
  func relationship(_ name: String) -> ResourceRef? {
    object.relationships[name]
  }

  /// The relationship `name`, which must be present.
  func requiredRelationship(_ name: String) throws(ImpCentralError) -> ResourceRef {
    guard let ref = object.relationships[name] else {
      throw .unexpected("impCentral sent a \(kind.noun) without the relationship '\(name)'")
    }
    return ref
  }

  /// The raw value, converted, or an error naming what was expected.
  private func value<T>(
    _ name: String, _ expected: String, _ convert: (JSONValue) -> T?
  ) throws(ImpCentralError) -> T? {
    guard let raw = object.attributes[name], !raw.isNull else { return nil }
    guard let converted = convert(raw) else { throw mismatch(name, expected) }
    return converted
  }

  private func required<T>(_ name: String, _ value: T?) throws(ImpCentralError) -> T {
    guard let value else {
      throw .unexpected("impCentral sent a \(kind.noun) without the attribute '\(name)'")
    }
    return value
  }

  private func mismatch(_ name: String, _ expected: String) -> ImpCentralError {
    .unexpected(
      "impCentral sent a \(kind.noun) whose attribute '\(name)' is not \(expected)")
  }
}
