import ImptLanguage

extension Optional {
  /// Maps the wrapped value with an async function.
  func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
    guard let value = self else { return nil }
    return try await transform(value)
  }
}

extension Optional where Wrapped == Value {
  /// The identifying value of option `name`, or an error saying how to give one.
  func orMissing(_ name: String) throws -> Value {
    guard let value = self, value != .null else {
      throw CommandError(
        "command.missingOption", "no '--\(name)' was given",
        help: [Self.contextHint(name)])
    }
    return value
  }

  private static func contextHint(_ name: String) -> String {
    switch name {
    case "product": "Give --product, or choose one for the session with 'use product NAME'."
    case "dg": "Give --dg, or choose one for the session with 'use dg NAME'."
    default: "Give --\(name)."
    }
  }
}

extension Value {
  /// The same entity or record with one more field.
  func adding(_ name: String, _ value: Value) -> Value {
    switch self {
    case .entity(var entity):
      entity.fields[name] = value
      return .entity(entity)
    case .record(var record):
      record[name] = value
      return .record(record)
    default:
      return self
    }
  }
}
