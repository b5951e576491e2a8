extension Evaluator {
  /// Carries out `use` through the host.
  mutating func use(_ action: UseAction, at range: SourceRange) async throws {
    let request: UseRequest
    switch action {
    case .show: request = .show
    case .clear: request = .clear
    case .set(let slot, let value): request = .set(slot, try await evaluate(value))
    }
    do {
      try await host.use(request)
    } catch {
      throw wrap(error, command: "use", at: range)
    }
  }

  /// Carries out `record` through the host.
  mutating func record(_ action: RecordAction, at range: SourceRange) async throws {
    let request: RecordRequest
    switch action {
    case .start(let file): request = .start(path: try await evaluate(file).displayText)
    case .stop: request = .stop
    }
    do {
      try host.record(request)
    } catch {
      throw wrap(error, command: "record", at: range)
    }
  }

  /// Runs a sourced file in the current scope, so its variables stay defined.
  mutating func runSource(_ source: BoundSource, at range: SourceRange, showing: Bool)
    async throws -> Value
  {
    guard sourceDepth < Self.sourceDepthLimit else { throw failure(.sourceTooDeep, at: range) }
    sourceDepth += 1
    defer { sourceDepth -= 1 }
    switch source {
    case .checked(let script):
      return try await runStatements(script.statements, showing: showing)
    case .dynamic(let path):
      let program = try await load(try await evaluate(path).displayText, at: range)
      return try await runStatements(program.statements, showing: showing)
    }
  }

  /// Reads, parses and checks a file named by a computed value.
  private mutating func load(_ path: String, at range: SourceRange) async throws -> BoundScript {
    let file: SourceFile
    do {
      file = try host.readSource(path, relativeTo: range.file)
    } catch {
      throw failure(.sourceUnreadableAtRun(path, error: error), at: range)
    }
    noteLoaded(file)
    let parsed = Parser.parse(file.text, file: file.path)
    let host = self.host
    let context = CheckContext(
      variables: globalTypes, contextSlots: host.contextSlots(), isSandbox: host.isSandbox,
      canConfirm: host.canConfirm, loadSource: { try host.readSource($0, relativeTo: $1) })
    let checked = Checker.check(parsed.script, catalogue: catalogue, context: context)
    for source in checked.sources { noteLoaded(source) }
    let mistakes = (parsed.diagnostics + checked.diagnostics).inSourceOrder()
    guard !mistakes.hasErrors else {
      let summary = Diagnostic(.sourceDidNotCheck(file.path), at: range)
      throw Interrupt.failure([summary] + mistakes)
    }
    return checked.program
  }

  /// The failure for an error thrown by a command or the host.
  func wrap(_ error: any Error, command: String, at range: SourceRange) -> Interrupt {
    switch error {
    case let interrupt as Interrupt:
      return interrupt
    case is CancellationError:
      return .cancelled([Diagnostic(.interrupted, at: range)])
    case let diagnostic as Diagnostic:
      return .failure([diagnostic])
    case let userFacing as any UserFacingError:
      let notes = userFacing.details.map { Diagnostic.Note($0) }
      return .failure([Diagnostic(.userFacing(userFacing), at: range, notes: notes)])
    default:
      return failure(.commandFailed(command, detail: String(describing: error)), at: range)
    }
  }
}
