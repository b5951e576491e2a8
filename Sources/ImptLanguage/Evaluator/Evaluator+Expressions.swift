import Foundation

extension Evaluator {
  /// The value of an expression.
  mutating func evaluate(_ expression: BoundExpression) async throws -> Value {
    switch expression.kind {
    case .literal(let value):
      return value
    case .interpolation(let parts):
      var text = ""
      for part in parts {
        switch part {
        case .text(let piece): text += piece
        case .expression(let inner): text += try await interpolated(inner)
        }
      }
      return .string(text)
    case .variable(let root, let steps):
      return try follow(steps, from: try variable(root, at: expression.range))
    case .field(let name, let steps):
      let item = it ?? .null
      return try follow(steps, from: try field(name, of: item, at: expression.range))
    case .pipeline(let pipeline):
      return try await evaluate(pipeline)
    case .list(let items):
      var values: [Value] = []
      for item in items { values.append(try await evaluate(item)) }
      return .list(values)
    case .record(let entries):
      var record = Record()
      for (name, value) in entries { record[name] = try await evaluate(value) }
      return .record(record)
    case .not(let operand):
      return .bool(try await !condition(operand))
    case .binary(let op, let left, let right):
      return .bool(try await binary(op, left, right, at: expression.range))
    case .access(let base, let steps):
      return try follow(steps, from: try await evaluate(base))
    }
  }

  /// The text a value gives inside a string; a null has none to give, so it is an error
  /// naming what was null rather than the word `null` in the text.
  private mutating func interpolated(_ inner: BoundExpression) async throws -> String {
    let value = try await evaluate(inner)
    guard value == .null else { return value.displayText }
    throw failure(.nullInText(Self.written(inner)), at: inner.range)
  }

  /// How a substituted value was written, for messages: `$env.NAME`, `name`, `(…)`.
  private static func written(_ expression: BoundExpression) -> String {
    switch expression.kind {
    case .variable(let root, let steps):
      Parser.describe(VariablePath(root: root, components: steps, range: expression.range))
    case .field(let name, let steps):
      FieldPath(name: name, rest: steps, range: expression.range).text
    default:
      "(…)"
    }
  }

  /// The truth of a condition: true or false, with null counting as false.
  mutating func condition(_ expression: BoundExpression) async throws -> Bool {
    switch try await evaluate(expression) {
    case .bool(let truth): return truth
    case .null: return false
    case let other: throw failure(.notCondition(found: other), at: expression.range)
    }
  }

  private mutating func binary(
    _ op: BinaryOperator, _ left: BoundExpression, _ right: BoundExpression,
    at range: SourceRange
  ) async throws -> Bool {
    switch op {
    case .and:
      guard try await condition(left) else { return false }
      return try await condition(right)
    case .or:
      if try await condition(left) { return true }
      return try await condition(right)
    default:
      let leftValue = try await evaluate(left)
      return try compare(op, leftValue, try await evaluate(right), at: range)
    }
  }

  /// Compares two values with a comparison operator.
  mutating func compare(
    _ op: BinaryOperator, _ left: Value, _ right: Value, at range: SourceRange
  ) throws -> Bool {
    if op == .equal || op == .notEqual, Self.mixesTextWithScalar(left, right) {
      // Text never equals true, false or a number; saying so beats matching nothing.
      throw failure(.cannotCompare(op, left, right), at: range)
    }
    switch op {
    case .equal: return left.matches(right)
    case .notEqual: return !left.matches(right)
    case .matches, .notMatches: return try match(op, left, right, at: range)
    default: break
    }
    guard let order = left.order(against: right) else {
      if left == .null || right == .null { return false }
      throw failure(.cannotCompare(op, left, right), at: range)
    }
    switch op {
    case .less: return order == .ascending
    case .lessOrEqual: return order != .descending
    case .greater: return order == .descending
    default: return order != .ascending
    }
  }

  private static func mixesTextWithScalar(_ left: Value, _ right: Value) -> Bool {
    switch (left, right) {
    case (.bool, .string), (.string, .bool), (.number, .string), (.string, .number): true
    default: false
    }
  }

  private mutating func match(
    _ op: BinaryOperator, _ left: Value, _ right: Value, at range: SourceRange
  ) throws -> Bool {
    guard case .string(let pattern) = right else {
      throw failure(.cannotCompare(op, left, right), at: range)
    }
    let text: String
    switch left {
    case .string(let string): text = string
    case .number, .entity, .bool: text = left.displayText
    case .null: return op == .notMatches
    default: throw failure(.cannotCompare(op, left, right), at: range)
    }
    let expression = try regex(pattern, at: range)
    let whole = NSRange(text.startIndex..., in: text)
    let found = expression.firstMatch(in: text, range: whole) != nil
    return op == .matches ? found : !found
  }

  private mutating func regex(_ pattern: String, at range: SourceRange) throws
    -> NSRegularExpression
  {
    if let cached = regexes[pattern] { return cached }
    guard let compiled = try? NSRegularExpression(pattern: pattern) else {
      throw failure(.badRegex(pattern), at: range)
    }
    regexes[pattern] = compiled
    return compiled
  }

  // MARK: Variables and paths

  /// The folder of the script file `file`, absolute: what `$script_dir` gives in it. Lines
  /// typed at the prompt or given with `-c` get the working folder.
  static func folder(of file: String) -> String {
    let working = FileManager.default.currentDirectoryPath
    guard !file.hasPrefix("<"), file.contains("/") else { return working }
    let folder = (file as NSString).deletingLastPathComponent
    return folder.hasPrefix("/") ? folder : working + "/" + folder
  }

  private func variable(_ root: VariableRoot, at range: SourceRange) throws -> Value {
    switch root {
    case .positional(0):
      return .string(scriptName)
    case .positional(let index):
      guard index <= arguments.count else {
        throw failure(.missingArgument(index, count: arguments.count), at: range)
      }
      return .string(arguments[index - 1])
    case .named(let name):
      if let value = lookup(name) { return value }
      switch name {
      case "env": return environment
      case "args": return .list(arguments.map(Value.string))
      case "status": return .number(Double(status))
      case "script_dir": return .string(Self.folder(of: range.file))
      case "dry_run": return .bool(dryRun)
      case "it": return it ?? .null
      case "error": return error ?? .null
      default: throw failure(.unknownVariable(name), at: range)
      }
    }
  }

  /// The value after `.field` and `[index]` steps.
  func follow(_ steps: [PathComponent], from base: Value) throws -> Value {
    var value = base
    for step in steps {
      switch step.kind {
      case .field(let name): value = try field(name, of: value, at: step.range)
      case .index(let index): value = try element(index, of: value, at: step.range)
      }
    }
    return value
  }

  /// A field of a value; a missing field is null, and a list gives the field of each item.
  func field(_ name: String, of value: Value, at range: SourceRange) throws -> Value {
    switch value {
    case .entity(let entity): return entity.field(name) ?? .null
    case .record(let record): return record[name] ?? .null
    case .list(let items): return .list(try items.map { try field(name, of: $0, at: range) })
    case .null: return .null
    default: throw failure(.noFields(name, found: value), at: range)
    }
  }

  private func element(_ index: Int, of value: Value, at range: SourceRange) throws -> Value {
    switch value {
    case .list(let items):
      let position = index < 0 ? items.count + index : index
      guard items.indices.contains(position) else {
        throw failure(.indexOutOfRange(index, count: items.count), at: range)
      }
      return items[position]
    case .null:
      return .null
    default:
      throw failure(.notIndexable(found: value), at: range)
    }
  }
}
