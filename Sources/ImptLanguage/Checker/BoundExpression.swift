/// A checked expression: pipelines inside it are bound.
public struct BoundExpression: Sendable {
  public var kind: BoundExpressionKind
  public var range: SourceRange

  /// Creates a checked expression.
  public init(_ kind: BoundExpressionKind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// The kinds of checked expression; they follow `ExpressionKind`.
public enum BoundExpressionKind: Sendable {
  case literal(Value)
  case interpolation([BoundPart])
  case variable(VariableRoot, [PathComponent])
  /// A field of the piped item: its name and further steps.
  case field(String, [PathComponent])
  case pipeline(BoundPipeline)
  case list([BoundExpression])
  case record([(String, BoundExpression)])
  indirect case not(BoundExpression)
  indirect case binary(BinaryOperator, BoundExpression, BoundExpression)
  indirect case access(BoundExpression, [PathComponent])
}

/// A piece of checked interpolated text.
public enum BoundPart: Sendable {
  case text(String)
  case expression(BoundExpression)
}
