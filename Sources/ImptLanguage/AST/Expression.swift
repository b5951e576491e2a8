/// An expression with where it stands.
public struct Expression: Sendable, Hashable {
  public var kind: ExpressionKind
  public var range: SourceRange

  /// Creates an expression.
  public init(_ kind: ExpressionKind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// The literal value, when the expression is a plain literal.
  public var literal: Value? {
    if case .literal(let value) = kind { return value }
    return nil
  }
}

/// The kinds of expression. Only the cases that hold expressions directly are boxed, so
/// literals and names cost no allocation of their own.
public enum ExpressionKind: Sendable, Hashable {
  /// A number, `true`, `false`, `null`, a single-quoted string, or a bare word given as
  /// a command argument.
  case literal(Value)
  /// Text with substitutions: `"offline: $n"`.
  case interpolation([InterpolationPart])
  /// `$name.path`, `$1`.
  case variable(VariablePath)
  /// A bare field name of the piped item, in conditions: `online`, `env_vars.x`.
  case field(FieldPath)
  /// `( PIPELINE )`.
  case pipeline(Pipeline)
  /// `[a, b]`.
  case list([Expression])
  /// `{name: "x", n: 1}`.
  case record([RecordEntry])
  /// `not COND`.
  indirect case not(Expression)
  /// `a == b`, `a and b`, …
  indirect case binary(BinaryOperator, Expression, Expression)
  /// A path after a parenthesised pipeline: `(dg list | first).name`.
  indirect case access(Expression, [PathComponent])
}

/// A piece of interpolated text.
public enum InterpolationPart: Sendable, Hashable {
  case text(String)
  case expression(Expression)
}

/// One field of a record literal.
public struct RecordEntry: Sendable, Hashable {
  public var key: Name
  public var value: Expression

  /// Creates an entry.
  public init(key: Name, value: Expression) {
    self.key = key
    self.value = value
  }
}

/// The binary operators, loosest first: `or`, `and`, then comparisons.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
  case or
  case and
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case matches = "=~"
  case notMatches = "!~"

  /// Whether the operator compares two values, as opposed to joining conditions.
  public var isComparison: Bool { self != .or && self != .and }
}
