import ImptLanguage

/// What the renderer may assume about where its text goes.
public struct RenderOptions: Sendable {
  /// Table (the default), JSON, bare ids, or debug (a table plus an HTTP trace).
  public var mode: OutputFormat
  /// Whether to colour headers and keys.
  public var color: Bool
  /// The width to fit tables into, or nil for no limit (output not to a terminal).
  public var width: Int?

  /// Creates options.
  public init(mode: OutputFormat = .table, color: Bool = false, width: Int? = nil) {
    self.mode = mode
    self.color = color
    self.width = width
  }
}
