extension Invocation {
  /// The text given to option `name`, or an entity's id; nil when not given.
  public func string(_ name: String) -> String? {
    switch arguments[name] {
    case .string(let text)?: text
    case .entity(let entity)?: entity.id
    case .number(let number)?: Value.format(number)
    default: nil
    }
  }

  /// Whether flag `name` is on; a flag not given is off.
  public func flag(_ name: String) -> Bool {
    arguments[name] == .bool(true)
  }

  /// The value of toggle `name` (`--x`, `--x true`, `--x false`); nil when not given.
  public func toggle(_ name: String) -> Bool? {
    if case .bool(let value)? = arguments[name] { return value }
    return nil
  }

  /// The whole number given to option `name`; nil when not given.
  public func integer(_ name: String) -> Int? {
    guard case .number(let number)? = arguments[name], abs(number) < 1e15 else { return nil }
    return Int(number)
  }

  /// Every value given to repeatable option `name`, entities as ids; empty when not given.
  public func strings(_ name: String) -> [String] {
    guard case .list(let items)? = arguments[name] else { return string(name).map { [$0] } ?? [] }
    return items.map { item in
      if case .entity(let entity) = item { return entity.id }
      return item.displayText
    }
  }

  /// The entity given to option `name` (by a variable or a pipe), if it was an entity.
  public func entity(_ name: String) -> Entity? {
    if case .entity(let entity)? = arguments[name] { return entity }
    return nil
  }
}
