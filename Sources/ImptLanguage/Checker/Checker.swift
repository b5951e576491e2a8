import ImpCentral

/// Checks a whole parsed script against the catalogue before anything runs, and binds
/// every command to its catalogue entry.
///
/// One pass reports every mistake: unknown commands and options, missing or repeated
/// options, values of the wrong kind, unknown variables, fields an entity does not have.
/// A script with any error does not run.
public struct Checker {
  /// The commands scripts may use.
  let catalogue: Catalogue
  /// What the session already knows.
  let context: CheckContext
  /// The variables known at this point, with their types.
  var scope: StaticScope
  /// The type of the piped item that bare field names and `$it` refer to, if any.
  var itType: ValueType?
  /// How many `catch` blocks enclose this point; `$error` exists inside one.
  var catchDepth = 0
  /// The context slots set at this point: the session's, and those of earlier `use`.
  var slots: Set<ContextSlot>
  /// The mistakes found so far.
  var diagnostics: [Diagnostic] = []
  /// Where secret values stand.
  var secretRanges: [SourceRange] = []
  /// The files read for `source`.
  var sources: [SourceFile] = []
  /// The files being checked, outermost first, to catch `source` cycles.
  var fileStack: [String] = []
  /// Whether the statement being checked is under `explain`, which runs nothing.
  var explaining = false
  /// Regular expressions already found to compile.
  var validPatterns: Set<String> = []

  /// Creates a checker.
  public init(catalogue: Catalogue, context: CheckContext = CheckContext()) {
    self.catalogue = catalogue
    self.context = context
    scope = StaticScope(globals: context.variables)
    slots = context.contextSlots
  }

  /// Checks a script and binds it.
  public static func check(
    _ script: Script, catalogue: Catalogue, context: CheckContext = CheckContext()
  ) -> CheckResult {
    var checker = Checker(catalogue: catalogue, context: context)
    return checker.check(script)
  }

  /// Checks a script and binds it; variables it defines stay known to later calls.
  public mutating func check(_ script: Script) -> CheckResult {
    fileStack = [script.file]
    let statements = checkStatements(script.statements)
    return CheckResult(
      program: BoundScript(file: script.file, statements: statements),
      diagnostics: diagnostics, secretRanges: secretRanges, sources: sources)
  }

  /// Records a mistake.
  mutating func report(_ problem: Problem, at range: SourceRange, notes: [Diagnostic.Note] = []) {
    diagnostics.append(Diagnostic(problem, at: range, notes: notes))
  }

  /// The variables imptsh sets itself.
  static let reservedNames: Set<String> = [
    "env", "args", "status", "it", "error", "script_dir", "dry_run",
  ]

  /// The fields of `$error` inside `catch`.
  static let errorType = ValueType.record([
    "id": .string, "message": .string, "help": .string, "file": .string, "line": .number,
    "column": .number,
  ])
}
