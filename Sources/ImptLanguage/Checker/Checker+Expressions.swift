import Foundation

extension Checker {
  /// Checks an expression, binds the pipelines in it, and works out its type.
  mutating func bind(_ expression: Expression) -> (bound: BoundExpression, type: ValueType) {
    let (kind, type) = bindKind(expression)
    return (BoundExpression(kind, range: expression.range), type)
  }

  private mutating func bindKind(
    _ expression: Expression
  ) -> (BoundExpressionKind, ValueType) {
    switch expression.kind {
    case .literal(let value):
      return (.literal(value), ValueType(of: value))
    case .interpolation(let parts):
      return (.interpolation(parts.map { bindPart($0) }), .string)
    case .variable(let path):
      let root = variableType(path.root, at: path.range)
      return (.variable(path.root, path.components), type(of: root, steps: path.components))
    case .field(let path):
      return (.field(path.name, path.rest), bareFieldType(path))
    case .pipeline(let pipeline):
      let (bound, type) = checkPipeline(pipeline)
      return (.pipeline(bound), type)
    case .list(let items):
      let bound = items.map { bind($0) }
      let element = bound.dropFirst().reduce(bound.first?.type ?? .any) { $0.joined(with: $1.type) }
      return (.list(bound.map(\.bound)), .list(element))
    case .record(let entries):
      return bindRecord(entries)
    case .not(let operand):
      return (.not(checkCondition(operand)), .bool)
    case .binary(let op, let left, let right):
      return (bindBinary(op, left, right), .bool)
    case .access(let base, let steps):
      let (bound, type) = bind(base)
      return (.access(bound, steps), self.type(of: type, steps: steps))
    }
  }

  private mutating func bindPart(_ part: InterpolationPart) -> BoundPart {
    switch part {
    case .text(let text): .text(text)
    case .expression(let expression): .expression(bind(expression).bound)
    }
  }

  private mutating func bindRecord(_ entries: [RecordEntry]) -> (BoundExpressionKind, ValueType) {
    var fields: [String: ValueType] = [:]
    var bound: [(String, BoundExpression)] = []
    for entry in entries {
      let (value, type) = bind(entry.value)
      fields[entry.key.text] = type
      bound.append((entry.key.text, value))
    }
    return (.record(bound), .record(fields))
  }

  private mutating func bindBinary(
    _ op: BinaryOperator, _ left: Expression, _ right: Expression
  ) -> BoundExpressionKind {
    guard op.isComparison else {
      return .binary(op, checkCondition(left), checkCondition(right))
    }
    if op == .matches || op == .notMatches, case .string(let pattern)? = right.literal {
      checkPattern(pattern, at: right.range)
    }
    let (boundLeft, leftType) = bind(left)
    let (boundRight, rightType) = bind(right)
    if op == .equal || op == .notEqual,
      let (type, text) = Self.textAgainstScalar(leftType, right)
        ?? Self.textAgainstScalar(rightType, left)
    {
      let range = SourceRange(file: left.range.file, start: left.range.start, end: right.range.end)
      report(.textComparedWithScalar(op, type: type, text: text), at: range)
    }
    return .binary(op, boundLeft, boundRight)
  }

  /// The type and text when `other` is text (in a condition, text is always quoted) and
  /// `type` is true-or-false or a number, which text never equals: `online == "true"`.
  private static func textAgainstScalar(
    _ type: ValueType, _ other: Expression
  ) -> (ValueType, String)? {
    guard type == .bool || type == .number, case .string(let text)? = other.literal else {
      return nil
    }
    return (type, text)
  }

  private mutating func checkPattern(_ pattern: String, at range: SourceRange) {
    guard !validPatterns.contains(pattern) else { return }
    do {
      _ = try NSRegularExpression(pattern: pattern)
      validPatterns.insert(pattern)
    } catch {
      report(.badRegex(pattern, reason: "the pattern does not compile"), at: range)
    }
  }

  /// Checks an expression used as a condition, which must be true or false.
  mutating func checkCondition(_ expression: Expression) -> BoundExpression {
    let (bound, type) = bind(expression)
    switch type {
    case .any, .bool, .null: break
    default: report(.notCondition(type), at: expression.range)
    }
    return bound
  }

  private mutating func bareFieldType(_ path: FieldPath) -> ValueType {
    guard let item = itType else {
      report(.fieldWithoutInput(path.name), at: path.range)
      return .any
    }
    let first = type(of: item, field: path.name, at: path.range, bareWord: path.rest.isEmpty)
    return type(of: first, steps: path.rest)
  }

  private mutating func variableType(_ root: VariableRoot, at range: SourceRange) -> ValueType {
    guard case .named(let name) = root else { return .string }
    switch name {
    case "env": return .record(nil)
    case "args": return .list(.string)
    case "status": return .number
    case "script_dir": return .string
    case "dry_run": return .bool
    case "it":
      if let itType { return itType }
      report(
        .unavailableVariable(
          "it", reason: "'$it' is the piped item inside 'where', 'each' and the other filters."),
        at: range)
      return .any
    case "error":
      if catchDepth > 0 { return Self.errorType }
      report(
        .unavailableVariable("error", reason: "'$error' holds the failure inside 'catch'."),
        at: range)
      return .any
    default:
      if let type = scope.lookup(name) { return type }
      if !scope.isOpen {
        let names = scope.names + ["env", "args", "status", "script_dir", "dry_run"]
        let suggestion = Suggestion.closest(to: name, in: names)
        report(.unknownVariable(name, suggestion: suggestion), at: range)
      }
      return .any
    }
  }
}
