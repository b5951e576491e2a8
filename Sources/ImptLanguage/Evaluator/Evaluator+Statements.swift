extension Evaluator {
  /// Runs statements in order and returns the value of the last; `showing` sends each
  /// statement's value to the host (not inside `each`, whose block makes a value).
  mutating func runStatements(_ statements: [BoundStatement], showing: Bool) async throws
    -> Value
  {
    var last = Value.null
    for statement in statements {
      try checkCancellation(at: statement.range)
      last = try await execute(statement, showing: showing)
      status = pendingStatus ?? 0
      pendingStatus = nil
    }
    return last
  }

  /// Runs a block in a scope of its own.
  mutating func runBlock(_ statements: [BoundStatement], showing: Bool) async throws -> Value {
    scopes.append([:])
    defer { scopes.removeLast() }
    return try await runStatements(statements, showing: showing)
  }

  /// Stops with `run.interrupted` when the user or the task asked to stop.
  func checkCancellation(at range: SourceRange) throws {
    do {
      try host.checkCancellation()
      try Task.checkCancellation()
    } catch {
      throw Interrupt.cancelled([Diagnostic(.interrupted, at: range)])
    }
  }

  private mutating func execute(_ statement: BoundStatement, showing: Bool) async throws -> Value {
    let range = statement.range
    switch statement.kind {
    case .pipeline(let pipeline):
      let value = try await evaluate(pipeline)
      if showing, value != .null {
        host.show(value, format: pipeline.format, from: pipeline.lastCommand)
      }
      return value
    case .assignment(let name, let pipeline):
      define(name, try await evaluate(pipeline))
    case .reassignment(let name, let pipeline):
      assign(name, try await evaluate(pipeline))
    case .conditional(let branches, let otherwise):
      for branch in branches where try await condition(branch.condition) {
        return try await runBlock(branch.body, showing: showing)
      }
      if let otherwise { return try await runBlock(otherwise, showing: showing) }
    case .loop(let name, let list, let body):
      try await loop(name, over: list, body: body, showing: showing)
    case .assertion(let check, let message, let text):
      try await assert(check, message: message, text: text, at: range)
    case .source(let source):
      return try await runSource(source, at: range, showing: showing)
    case .exit(let code):
      throw Interrupt.exit(try await exitStatus(code, at: range))
    case .sleep(let seconds):
      try await sleep(seconds, at: range)
    case .attempt(let body, let recovery):
      return try await attempt(body, recovery: recovery, showing: showing)
    case .echo(let values):
      var texts: [String] = []
      for value in values { texts.append(try await evaluate(value).displayText) }
      host.echo(texts.joined(separator: " "))
    case .use(let action):
      try await use(action, at: range)
    case .explain(let pipeline):
      let saved = planning
      planning = true
      defer { planning = saved }
      _ = try await evaluate(pipeline)
    case .record(let action):
      try await record(action, at: range)
    case .help(let topic):
      host.help(topic)
    }
    return .null
  }

  private mutating func loop(
    _ name: String, over list: BoundPipeline, body: [BoundStatement], showing: Bool
  ) async throws {
    for item in try await evaluate(list).items {
      try checkCancellation(at: list.range)
      scopes.append([name: item])
      defer { scopes.removeLast() }
      _ = try await runStatements(body, showing: showing)
    }
  }

  private mutating func assert(
    _ check: BoundExpression, message: BoundExpression?, text: String, at range: SourceRange
  ) async throws {
    guard try await !condition(check) else { return }
    let note = try await comparisonNote(check)
    var text = text
    if let message { text = try await evaluate(message).displayText }
    let problem = Problem.assertFailed(message == nil ? nil : text, condition: text)
    throw Interrupt.failure([Diagnostic(problem, at: range, notes: note.map { [$0] } ?? [])])
  }

  /// For a failed comparison, a note with the two values compared.
  private mutating func comparisonNote(_ check: BoundExpression) async throws -> Diagnostic.Note? {
    guard case .binary(let op, let left, let right) = check.kind, op.isComparison else {
      return nil
    }
    let leftText = try await evaluate(left).jsonText(pretty: false)
    let rightText = try await evaluate(right).jsonText(pretty: false)
    return Diagnostic.Note("the left side is \(leftText) and the right side is \(rightText)")
  }

  /// Waits, checking for Ctrl-C every tenth of a second.
  private mutating func sleep(_ seconds: BoundExpression, at range: SourceRange) async throws {
    let value = try await evaluate(seconds)
    let number: Double? =
      switch value {
      case .number(let number): number
      case .string(let text): Parser.number(text)
      default: nil
      }
    guard let number, number >= 0, number <= Checker.longestSleep else {
      throw failure(.badSleep(found: value), at: seconds.range)
    }
    let deadline = ContinuousClock.now + .milliseconds(Int(number * 1000))
    while ContinuousClock.now < deadline {
      try checkCancellation(at: range)
      let step = min(deadline - ContinuousClock.now, .milliseconds(100))
      do {
        try await Task.sleep(for: step)
      } catch {
        throw Interrupt.cancelled([Diagnostic(.interrupted, at: range)])
      }
    }
  }

  private mutating func exitStatus(_ code: BoundExpression?, at range: SourceRange) async throws
    -> Int32
  {
    guard let code else { return 0 }
    let value = try await evaluate(code)
    let number: Double? =
      switch value {
      case .number(let number): number
      case .string(let text): Parser.number(text)
      default: nil
      }
    guard let number, number.rounded() == number, number >= 0, number <= 255 else {
      throw failure(.badExit(found: value), at: code.range)
    }
    return Int32(number)
  }

  private mutating func attempt(
    _ body: [BoundStatement], recovery: [BoundStatement]?, showing: Bool
  ) async throws -> Value {
    do {
      return try await runBlock(body, showing: showing)
    } catch Interrupt.failure(let diagnostics) {
      // `$status` is 1 inside `catch` and after the whole statement.
      guard let recovery else {
        pendingStatus = 1
        return .null
      }
      let saved = error
      error = Self.errorRecord(diagnostics.first)
      defer { error = saved }
      status = 1
      let value = try await runBlock(recovery, showing: showing)
      pendingStatus = 1
      return value
    }
  }

  /// `$error`: the failure's id, message and place.
  static func errorRecord(_ diagnostic: Diagnostic?) -> Value {
    guard let diagnostic else { return .null }
    return .record(
      Record([
        ("id", .string(diagnostic.id)), ("message", .string(diagnostic.message)),
        ("help", .string(diagnostic.help.joined(separator: " "))),
        ("file", .string(diagnostic.range.file)),
        ("line", .number(Double(diagnostic.range.start.line))),
        ("column", .number(Double(diagnostic.range.start.column))),
      ]))
  }
}
