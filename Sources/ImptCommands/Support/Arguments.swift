import ImpCentral
import ImptLanguage

/// Typed access to a command's bound arguments, by long option name.
struct Arguments: Sendable {
  let invocation: Invocation

  /// Whether the option was given (or filled from the session context).
  func has(_ name: String) -> Bool { invocation.arguments[name] != nil }

  /// The value as text: strings as they are, numbers without `.0`, entities as their id.
  func string(_ name: String) -> String? {
    invocation.arguments[name].flatMap(Self.text)
  }

  /// The value as text; throws when the option is missing.
  func required(_ name: String) throws -> String {
    guard let value = string(name) else {
      throw CommandError("command.missingOption", "'--\(name)' is required")
    }
    return value
  }

  /// The value of an option that identifies an entity: text, or an entity value.
  func identifier(_ name: String) -> Value? { invocation.arguments[name] }

  /// A flag's value: true when given, false when absent or `false`.
  func flag(_ name: String) -> Bool {
    if case .bool(let value) = invocation.arguments[name] { return value }
    return false
  }

  /// A toggle's value: nil when absent.
  func toggle(_ name: String) -> Bool? {
    if case .bool(let value) = invocation.arguments[name] { return value }
    return nil
  }

  /// A whole number, when given.
  func integer(_ name: String) -> Int? {
    switch invocation.arguments[name] {
    case .number(let number) where number.rounded() == number: Int(number)
    case .string(let text): Int(text)
    default: nil
    }
  }

  /// The values of a repeatable option, in order; empty when absent.
  func list(_ name: String) -> [String] {
    switch invocation.arguments[name] {
    case .list(let items): items.compactMap(Self.text)
    case nil, .null: []
    case let value?: Self.text(value).map { [$0] } ?? []
    }
  }

  /// The command's name, such as `dg delete`.
  var command: String { invocation.command.name }

  /// A value as option text: strings as they are, numbers without `.0`, entities as
  /// their id; nil for null, lists and records.
  static func text(_ value: Value) -> String? {
    switch value {
    case .null: nil
    case .string(let text): text
    case .bool(let flag): flag ? "true" : "false"
    case .number(let number):
      number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    case .entity(let entity): entity.id
    case .list, .record: nil
    }
  }
}
