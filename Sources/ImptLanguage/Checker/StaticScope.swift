/// The variables the checker knows at a point in a script, innermost block last.
struct StaticScope {
  private var frames: [[String: ValueType]]
  /// Set after a `source` of a file only known when it runs: its variables cannot be
  /// known, so unknown names are let through.
  var isOpen = false

  /// Creates a scope holding the globals.
  init(globals: [String: ValueType]) {
    frames = [globals]
  }

  /// Enters a block.
  mutating func push() { frames.append([:]) }

  /// Leaves a block; the globals stay.
  mutating func pop() {
    if frames.count > 1 { frames.removeLast() }
  }

  /// Gives a variable already defined a new type, in the block that defined it.
  mutating func assign(_ name: String, _ type: ValueType) {
    guard let index = frames.lastIndex(where: { $0[name] != nil }) else { return }
    frames[index][name] = type
  }

  /// Defines a variable in the innermost block.
  mutating func define(_ name: String, _ type: ValueType) {
    frames[frames.count - 1][name] = type
  }

  /// The type of the innermost variable called `name`.
  func lookup(_ name: String) -> ValueType? {
    for frame in frames.reversed() {
      if let type = frame[name] { return type }
    }
    return nil
  }

  /// Every visible variable name, for suggestions.
  var names: [String] { Array(Set(frames.flatMap(\.keys))).sorted() }
}
