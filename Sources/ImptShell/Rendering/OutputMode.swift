/// How results are written: a table or key-value lines, JSON, or bare ids.
public enum OutputMode: String, Sendable, CaseIterable {
  case table
  case json
  case minimal
}

/// What the renderer may assume about where its text goes.
public struct RenderOptions: Sendable {
  public var mode: OutputMode
  /// Whether to colour headers and keys.
  public var color: Bool
  /// The width to fit tables into, or nil for no limit (output not to a terminal).
  public var width: Int?

  /// Creates options.
  public init(mode: OutputMode = .table, color: Bool = false, width: Int? = nil) {
    self.mode = mode
    self.color = color
    self.width = width
  }
}
