import Foundation

/// Runs a bound program: scopes, statements, pipes, commands.
///
/// A failure stops at the statement that caused it, unless a `try` encloses it; its
/// diagnostic carries the range of that statement or command.
struct Evaluator: Sendable {
  /// How deeply `source` may nest.
  static let sourceDepthLimit = 32

  /// The commands, for checking files sourced at run time.
  let catalogue: Catalogue
  /// The shell that runs the program.
  let host: any InterpreterHost
  /// The script arguments, `$1…`.
  let arguments: [String]
  /// `$0`.
  let scriptName: String
  /// `$env`, as a record.
  let environment: Value
  /// Whether commands that write go to `InterpreterHost.plan`.
  let dryRun: Bool
  /// The variables, the globals first and the innermost block last.
  var scopes: [[String: Value]] = [[:]]
  /// `$status`: 0 after a statement that succeeded, 1 after one that failed.
  var status = 0
  /// A status the statement just run asks for instead of 0.
  var pendingStatus: Int?
  /// `$it`: the piped item inside filters.
  var it: Value?
  /// `$error`: the failure inside `catch`.
  var error: Value?
  /// Whether commands go to `InterpreterHost.plan`, inside `explain`.
  var planning = false
  /// How many `source` statements are running inside each other.
  var sourceDepth = 0
  /// Compiled regular expressions by pattern.
  var regexes: [String: NSRegularExpression] = [:]
  private var loadedSources: [SourceFile] = []

  /// Creates an evaluator with no variables.
  init(
    catalogue: Catalogue, host: any InterpreterHost, arguments: [String], scriptName: String,
    environment: [String: String], dryRun: Bool
  ) {
    self.catalogue = catalogue
    self.host = host
    self.arguments = arguments
    self.scriptName = scriptName
    let names = environment.keys.sorted()
    self.environment = .record(
      Record(names: names, values: names.map { .string(environment[$0] ?? "") }))
    self.dryRun = dryRun
  }

  /// The global variables.
  var globals: [String: Value] { scopes.first ?? [:] }

  /// The types of the variables visible now, for checking more source.
  var globalTypes: [String: ValueType] {
    var types: [String: ValueType] = [:]
    for scope in scopes {
      for (name, value) in scope { types[name] = ValueType(of: value) }
    }
    return types
  }

  /// The result of running a program.
  struct Result {
    var status: Int32
    var diagnostics: [Diagnostic]
    var exited: Bool
  }

  /// Runs a program at the top level, where its variables stay defined.
  mutating func run(_ program: BoundScript) async -> Result {
    do {
      _ = try await runStatements(program.statements, showing: true)
      return Result(status: 0, diagnostics: [], exited: false)
    } catch let interrupt as Interrupt {
      switch interrupt {
      case .failure(let diagnostics), .cancelled(let diagnostics):
        status = 1
        return Result(status: 1, diagnostics: diagnostics, exited: false)
      case .exit(let code):
        return Result(status: code, diagnostics: [], exited: true)
      }
    } catch {
      status = 1
      let range = program.statements.first?.range ?? Self.emptyRange(program.file)
      let problem: Problem =
        error is CancellationError ? .interrupted : .commandFailed("script", detail: "\(error)")
      let diagnostic = Diagnostic(problem, at: range)
      return Result(status: 1, diagnostics: [diagnostic], exited: false)
    }
  }

  /// The files `source` read while running.
  mutating func takeLoadedSources() -> [SourceFile] {
    defer { loadedSources = [] }
    return loadedSources
  }

  /// Remembers a file read by `source`.
  mutating func noteLoaded(_ file: SourceFile) { loadedSources.append(file) }

  /// The range at the start of a file, for failures with no better place.
  static func emptyRange(_ file: String) -> SourceRange {
    let start = SourcePosition(line: 1, column: 1)
    return SourceRange(file: file, start: start, end: start)
  }

  // MARK: Scopes

  /// Defines a variable in the innermost block.
  mutating func define(_ name: String, _ value: Value) {
    scopes[scopes.count - 1][name] = value
  }

  /// Gives the innermost variable called `name` a new value, in the scope that holds it;
  /// defines it here if no scope does (a variable of a file `source` read at run time).
  mutating func assign(_ name: String, _ value: Value) {
    guard let index = scopes.lastIndex(where: { $0[name] != nil }) else {
      return define(name, value)
    }
    scopes[index][name] = value
  }

  /// The innermost variable called `name`.
  func lookup(_ name: String) -> Value? {
    for scope in scopes.reversed() {
      if let value = scope[name] { return value }
    }
    return nil
  }

  /// A failure of the statement or command at `range`.
  func failure(_ problem: Problem, at range: SourceRange) -> Interrupt {
    .failure([Diagnostic(problem, at: range)])
  }
}

/// How evaluation stops early.
enum Interrupt: Error {
  /// A statement failed; a `try` may catch it.
  case failure([Diagnostic])
  /// The user interrupted; nothing catches it.
  case cancelled([Diagnostic])
  /// `exit N` ran.
  case exit(Int32)
}
