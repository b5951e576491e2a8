extension Evaluator {
  /// Runs a command: once, or once per piped item, or once with every piped item in a
  /// repeatable option.
  mutating func run(_ command: BoundCommand, input: Value?) async throws -> Value {
    var arguments = try await evaluateArguments(of: command)
    try fillFromContext(&arguments, command: command)
    guard let pipe = command.pipe, let input else {
      return try await invoke(command, arguments: arguments, input: nil)
    }
    let name = pipe.option.name
    guard pipe.perItem else {
      arguments[name] = .list(try input.items.map { try pipeValue($0, command: command) })
      return try await invoke(command, arguments: arguments, input: input)
    }
    guard case .list(let items) = input else {
      if input == .null { return .null }
      arguments[name] = try pipeValue(input, command: command)
      return try await invoke(command, arguments: arguments, input: input)
    }
    var results: [Value] = []
    for item in items {
      try checkCancellation(at: command.range)
      arguments[name] = try pipeValue(item, command: command)
      switch try await invoke(command, arguments: arguments, input: item) {
      case .null: continue
      case .list(let values): results += values
      case let value: results.append(value)
      }
    }
    return .list(results)
  }

  /// The arguments by option name, typed by each option's kind; flags not given are false.
  private mutating func evaluateArguments(of command: BoundCommand) async throws
    -> [String: Value]
  {
    var arguments: [String: Value] = [:]
    for option in command.spec.options where option.kind == .flag {
      arguments[option.name] = .bool(false)
    }
    for argument in command.arguments {
      let option = argument.option
      if ArgumentConversion.isRepeatable(option.kind) {
        var items: [Value] = []
        for expression in argument.values {
          items += try convertItems(
            try await evaluate(expression), for: option, at: expression.range)
        }
        arguments[option.name] = .list(items)
      } else if let expression = argument.values.first {
        arguments[option.name] = try convert(
          try await evaluate(expression), for: option, at: expression.range)
      }
    }
    return arguments
  }

  /// Fills options the session context stands in for, when they were not given.
  private func fillFromContext(_ arguments: inout [String: Value], command: BoundCommand) throws {
    for option in command.spec.options where arguments[option.name] == nil {
      guard case .fromContext(let slot) = option.requirement,
        option.name != command.pipe?.option.name
      else { continue }
      guard let value = host.contextValue(slot) else {
        throw failure(
          .missingContext(slot, option: option, command: command.spec.name), at: command.range)
      }
      arguments[option.name] = try convert(value, for: option, at: command.range)
    }
  }

  private func convert(_ value: Value, for option: OptionSpec, at range: SourceRange) throws
    -> Value
  {
    switch ArgumentConversion.value(value, for: option) {
    case .success(let converted): return converted
    case .failure(let mismatch): throw mismatchFailure(mismatch, option, value, range)
    }
  }

  private func convertItems(_ value: Value, for option: OptionSpec, at range: SourceRange) throws
    -> [Value]
  {
    switch ArgumentConversion.items(value, for: option) {
    case .success(let items): return items
    case .failure(let mismatch): throw mismatchFailure(mismatch, option, value, range)
    }
  }

  private func mismatchFailure(
    _ mismatch: ArgumentConversion.Mismatch, _ option: OptionSpec, _ value: Value,
    _ range: SourceRange
  ) -> Interrupt {
    if mismatch == .empty { return failure(.emptyArgument(option), at: range) }
    let expected = ArgumentConversion.expectation(for: option.kind)
    return failure(.badArgument(option, found: value, expected: expected), at: range)
  }

  /// A piped item as the value of the command's pipe option.
  private func pipeValue(_ item: Value, command: BoundCommand) throws -> Value {
    guard let option = command.pipe?.option,
      case .success(let value) = ArgumentConversion.value(item, for: option)
    else {
      let name = command.pipe?.option.name ?? ""
      throw failure(.pipeItem(command.spec.name, option: name, found: item), at: command.range)
    }
    return value
  }

  /// Calls the command's action, or `InterpreterHost.plan` under `explain` and for writes in a dry
  /// run; errors become failures at the command's range.
  private mutating func invoke(
    _ command: BoundCommand, arguments: [String: Value], input: Value?
  ) async throws -> Value {
    let spec = command.spec
    let invocation = Invocation(
      command: spec, arguments: arguments, input: input, range: command.range)
    do {
      if planning || (dryRun && spec.effect != .read) { return try await host.plan(invocation) }
      return try await spec.action(invocation, host.commandContext)
    } catch {
      throw wrap(error, command: spec.name, at: command.range)
    }
  }
}
