/// A source file read for `source`: its resolved path and text.
public struct SourceFile: Sendable, Hashable {
  /// The path as diagnostics show it.
  public var path: String
  public var text: String

  /// Creates a source file.
  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }
}

/// What the checker knows about the session before a script runs.
public struct CheckContext: Sendable {
  /// Variables defined earlier (by previous lines in the shell), with their types.
  public var variables: [String: ValueType]
  /// The context slots the session has set (`use dg`, `.impt.project`), which stand in
  /// for options such as `--dg`.
  public var contextSlots: Set<ContextSlot>
  /// Whether the backend is the sandbox, where `sandbox …` commands work.
  public var isSandbox: Bool
  /// Whether a command that asks for confirmation can be answered: a terminal is there
  /// to ask, or nothing needs asking (a dry run). When false, such a command without
  /// `--confirmed` is refused before anything runs.
  public var canConfirm: Bool
  /// Reads the file a `source` names, relative to the file that names it; nil leaves
  /// every `source` to be read when it runs.
  public var loadSource: (@Sendable (_ path: String, _ from: String) throws -> SourceFile)?

  /// Creates a context.
  public init(
    variables: [String: ValueType] = [:], contextSlots: Set<ContextSlot> = [],
    isSandbox: Bool = false, canConfirm: Bool = true,
    loadSource: (@Sendable (_ path: String, _ from: String) throws -> SourceFile)? = nil
  ) {
    self.variables = variables
    self.contextSlots = contextSlots
    self.isSandbox = isSandbox
    self.canConfirm = canConfirm
    self.loadSource = loadSource
  }
}

/// The result of checking: the bound program and every mistake found.
public struct CheckResult: Sendable {
  public var program: BoundScript
  public var diagnostics: [Diagnostic]
  /// Where secret values (passwords, keys) stand in the source, so the shell can keep
  /// them out of history, recordings and quoted source lines.
  public var secretRanges: [SourceRange]
  /// The files read for `source` statements.
  public var sources: [SourceFile]
}
