import ImpCentral

extension Checker {
  /// Checks statements in order, in the current scope.
  mutating func checkStatements(_ statements: [Statement]) -> [BoundStatement] {
    statements.compactMap { statement in
      checkStatement(statement).map { BoundStatement(kind: $0, range: statement.range) }
    }
  }

  /// The statements of a block, in a scope of their own.
  mutating func checkBlock(_ block: Block) -> [BoundStatement] {
    scope.push()
    defer { scope.pop() }
    return checkStatements(block.statements)
  }

  private mutating func checkStatement(_ statement: Statement) -> BoundStatementKind? {
    switch statement.kind {
    case .pipeline(let pipeline):
      if let topic = helpRequest(in: pipeline) { return .help(topic) }
      return .pipeline(checkPipeline(pipeline).bound)
    case .assignment(let name, let pipeline):
      return checkAssignment(name, pipeline)
    case .reassignment(let name, let pipeline):
      return checkReassignment(name, pipeline)
    case .conditional(let branches, let otherwise):
      let bound = branches.map { branch in
        BoundBranch(condition: checkCondition(branch.condition), body: checkBlock(branch.body))
      }
      return .conditional(bound, otherwise: otherwise.map { checkBlock($0) })
    case .loop(let name, let list, let body):
      return checkLoop(name, list, body)
    case .assertion(let condition, let message, let text):
      return .assertion(
        checkCondition(condition), message: message.map { bind($0).bound }, text: text)
    case .source(let file):
      return checkSource(file)
    case .exit(let code):
      return .exit(code.map { checkExitCode($0) })
    case .sleep(let seconds):
      return .sleep(checkSleep(seconds))
    case .attempt(let body, let recovery):
      return .attempt(checkBlock(body), recovery: recovery.map { checkRecovery($0) })
    case .echo(let values):
      return .echo(values.map { bind($0).bound })
    case .use(let target, let value):
      return checkUse(target, value, range: statement.range).map(BoundStatementKind.use)
    case .explain(let pipeline):
      return checkExplain(pipeline)
    case .record(let action, let file):
      return checkRecord(action, file, range: statement.range).map(BoundStatementKind.record)
    case .help(let words):
      return checkHelp(words, range: statement.range).map(BoundStatementKind.help)
    }
  }

  private mutating func checkAssignment(_ name: Name, _ pipeline: Pipeline) -> BoundStatementKind {
    if Self.reservedNames.contains(name.text) { report(.reservedName(name.text), at: name.range) }
    let (bound, type) = checkPipeline(pipeline)
    scope.define(name.text, type)
    return .assignment(name.text, bound)
  }

  private mutating func checkReassignment(_ name: Name, _ pipeline: Pipeline)
    -> BoundStatementKind
  {
    if Self.reservedNames.contains(name.text) { report(.reservedName(name.text), at: name.range) }
    let (bound, type) = checkPipeline(pipeline)
    if let known = scope.lookup(name.text) {
      scope.assign(name.text, known == type ? type : .any)
    } else if !scope.isOpen {
      let suggestion = Suggestion.closest(to: name.text, in: scope.names)
      report(.unknownVariable(name.text, suggestion: suggestion), at: name.range)
    }
    return .reassignment(name.text, bound)
  }

  private mutating func checkLoop(
    _ name: Name, _ list: Pipeline, _ body: Block
  ) -> BoundStatementKind {
    if Self.reservedNames.contains(name.text) { report(.reservedName(name.text), at: name.range) }
    let (bound, type) = checkPipeline(list)
    scope.push()
    defer { scope.pop() }
    scope.define(name.text, type.itemType)
    return .loop(name.text, bound, checkStatements(body.statements))
  }

  private mutating func checkRecovery(_ block: Block) -> [BoundStatement] {
    catchDepth += 1
    defer { catchDepth -= 1 }
    return checkBlock(block)
  }

  private mutating func checkSleep(_ seconds: Expression) -> BoundExpression {
    let (bound, type) = bind(seconds)
    if let literal = seconds.literal {
      let number: Double? =
        switch literal {
        case .number(let value): value
        case .string(let text): Parser.number(text)
        default: nil
        }
      if number.map({ $0 >= 0 && $0 <= Self.longestSleep }) != true {
        report(.badSleep(literal.displayText), at: seconds.range)
      }
    } else if ![.any, .number, .string, .null].contains(type) {
      report(.badSleep(type.phrase), at: seconds.range)
    }
    return bound
  }

  /// The longest `sleep` allowed, in seconds: an hour.
  static let longestSleep: Double = 3600

  private mutating func checkExitCode(_ code: Expression) -> BoundExpression {
    let (bound, type) = bind(code)
    if let literal = code.literal {
      let number: Double? =
        switch literal {
        case .number(let value): value
        case .string(let text): Parser.number(text)
        default: nil
        }
      if number.map({ $0.rounded() == $0 && $0 >= 0 && $0 <= 255 }) != true {
        report(.badExit(literal.displayText), at: code.range)
      }
    } else if ![.any, .number, .string, .null].contains(type) {
      report(.badExit(type.phrase), at: code.range)
    }
    return bound
  }

  private mutating func checkExplain(_ pipeline: Pipeline) -> BoundStatementKind {
    let hasCommand = pipeline.stages.contains {
      if case .command = $0.kind { return true }
      return false
    }
    if !hasCommand { report(.explainNeedsCommand, at: pipeline.range) }
    explaining = true
    defer { explaining = false }
    return .explain(checkPipeline(pipeline).bound)
  }

  private mutating func checkSource(_ file: Expression) -> BoundStatementKind? {
    guard case .string(let path)? = file.literal, let load = context.loadSource else {
      let bound = bind(file).bound
      scope.isOpen = true
      return .source(.dynamic(bound))
    }
    let loaded: SourceFile
    do {
      loaded = try load(path, fileStack.last ?? "")
    } catch {
      report(.sourceUnreadable(path, error: error), at: file.range)
      return nil
    }
    guard !fileStack.contains(loaded.path) else {
      report(.sourceCycle(path), at: file.range)
      return nil
    }
    sources.append(loaded)
    let parsed = Parser.parse(loaded.text, file: loaded.path)
    diagnostics += parsed.diagnostics
    fileStack.append(loaded.path)
    defer { fileStack.removeLast() }
    let statements = checkStatements(parsed.script.statements)
    return .source(.checked(BoundScript(file: loaded.path, statements: statements)))
  }

  private mutating func checkUse(
    _ target: Name?, _ value: Expression?, range: SourceRange
  ) -> UseAction? {
    guard let target else { return .show }
    let slot: ContextSlot
    switch target.text {
    case "none":
      if let value { report(.unexpectedUseValue(), at: value.range) }
      slots.removeAll()
      return .clear
    case "product": slot = .product
    case "dg": slot = .deviceGroup
    default:
      report(.unknownUseTarget(target.text), at: target.range)
      return nil
    }
    guard let value else {
      report(.missingUseValue(target.text), at: range)
      return nil
    }
    slots.insert(slot)
    // A device group belongs to a product, so the session can supply both.
    if slot == .deviceGroup { slots.insert(.product) }
    return .set(slot, bind(value).bound)
  }

  private mutating func checkRecord(
    _ action: Name?, _ file: Expression?, range: SourceRange
  ) -> RecordAction? {
    switch (action?.text, file) {
    case ("start", let file?): return .start(bind(file).bound)
    case ("stop", nil): return .stop
    case ("stop", let file?):
      report(.badRecordAction(nil), at: file.range)
    default:
      report(.badRecordAction(action?.text), at: action?.range ?? range)
    }
    return nil
  }
}
