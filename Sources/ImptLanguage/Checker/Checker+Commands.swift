import ImpCentral

extension Checker {
  /// What binding a command gives: the bound command (nil when it is unknown), the type of
  /// its value, and the output format its `--output` asks for.
  struct CommandBinding {
    var command: BoundCommand?
    var type: ValueType
    var format: OutputFormat?
  }

  /// Binds a command to its catalogue entry and checks its arguments; `input` is the type
  /// of the value piped into it, if it follows `|`.
  mutating func bindCommand(
    _ call: CommandCall, input: ValueType?, range: SourceRange
  ) -> CommandBinding {
    guard let (spec, verbWords) = lookUpCommand(call) else {
      for argument in call.arguments { bindArgumentQuietly(argument) }
      return CommandBinding(command: nil, type: .any, format: nil)
    }
    let arguments = Array(call.arguments.dropFirst(verbWords))
    let nameEnd =
      verbWords > 0 ? Self.range(of: call.arguments[0]) : (call.verb ?? call.group).range
    let nameRange = SourceRange(
      file: range.file, start: call.group.range.start, end: nameEnd.end)
    if spec.availability == .sandboxOnly && !context.isSandbox {
      report(.sandboxOnly(spec.name), at: nameRange)
    }
    var binder = ArgumentBinder(spec: spec)
    binder.bind(arguments, checker: &self)
    let pipe = bindPipe(spec, input: input, given: binder.given, at: nameRange)
    reportMissingOptions(spec, given: binder.given, piped: pipe?.option.name, at: nameRange)
    if needsUnanswerableQuestion(spec, binder) {
      report(.needsConfirmation(spec.name), at: nameRange)
    }
    let command = BoundCommand(
      spec: spec, arguments: binder.arguments, pipe: pipe, range: range)
    return CommandBinding(
      command: command, type: resultType(spec, pipe: pipe, input: input), format: binder.format)
  }

  /// Whether the command will ask for confirmation where nothing can answer: it always
  /// asks, `--confirmed` is not given (or given as false), and no terminal is there.
  private func needsUnanswerableQuestion(_ spec: CommandSpec, _ binder: ArgumentBinder) -> Bool {
    guard !context.canConfirm, !explaining, binder.given["help"] == nil else { return false }
    switch spec.confirmation {
    case .always: break
    case .whenGiven(let options) where options.contains(where: { binder.given[$0] != nil }): break
    default: return false
    }
    guard let confirmed = binder.arguments.first(where: { $0.option.name == "confirmed" })
    else { return true }
    guard case .literal(let written)? = confirmed.values.last?.kind else { return false }
    return (try? ArgumentConversion.value(written, for: confirmed.option).get()) == .bool(false)
  }

  /// The command a call names, and how many of its arguments are words of a two-word verb
  /// (`sandbox device add` is the verb `device add` of the group `sandbox`).
  private mutating func lookUpCommand(_ call: CommandCall) -> (CommandSpec, verbWords: Int)? {
    guard let group = catalogue.group(named: call.group.text) else {
      let names = catalogue.groups + catalogue.groupAliases.keys.sorted()
      let suggestion = Suggestion.closest(to: call.group.text, in: names)
      report(.unknownCommand(call.group.text, suggestion: suggestion), at: call.group.range)
      return nil
    }
    guard let verb = call.verb else {
      report(.missingVerb(group: group, verbs: catalogue.verbs(in: group)), at: call.group.range)
      return nil
    }
    if let spec = catalogue.command(group: group, verb: verb.text) { return (spec, 0) }
    if case .value(let next)? = call.arguments.first, case .string(let word)? = next.literal,
      let spec = catalogue.command(group: group, verb: verb.text + " " + word)
    {
      return (spec, 1)
    }
    let verbs = catalogue.verbs(in: group)
    report(.unknownVerb(group: group, verb: verb.text, verbs: verbs), at: verb.range)
    return nil
  }

  private static func range(of argument: CommandArgument) -> SourceRange {
    switch argument {
    case .option(let word): word.range
    case .value(let expression): expression.range
    }
  }

  /// Checks the expressions of an argument of an unknown command, so mistakes inside
  /// them are still reported.
  private mutating func bindArgumentQuietly(_ argument: CommandArgument) {
    switch argument {
    case .option(let word): _ = word.inlineValue.map { bind($0) }
    case .value(let expression): _ = bind(expression)
    }
  }

  private mutating func bindPipe(
    _ spec: CommandSpec, input: ValueType?, given: [String: SourceRange], at range: SourceRange
  ) -> PipeBinding? {
    guard let input else { return nil }
    guard let name = spec.pipeOption, let option = spec.longOption(name) else {
      report(.noPipeInput(spec.name), at: range)
      return nil
    }
    if let written = given[name] {
      report(.pipeConflict(name, command: spec.name), at: written)
    }
    if let wants = option.identifies, case .entity(let kind) = input.itemType, kind != wants {
      report(.pipeKindMismatch(command: spec.name, wants: wants, input: input.itemType), at: range)
    }
    return PipeBinding(option: option, perItem: !ArgumentConversion.isRepeatable(option.kind))
  }

  private mutating func reportMissingOptions(
    _ spec: CommandSpec, given: [String: SourceRange], piped: String?, at range: SourceRange
  ) {
    for option in spec.options where given[option.name] == nil && option.name != piped {
      switch option.requirement {
      case .optional:
        continue
      case .required:
        report(.missingOption(option, command: spec.name), at: range)
      case .fromContext(let slot):
        if !slots.contains(slot) { report(.missingOption(option, command: spec.name), at: range) }
      }
    }
  }

  private func resultType(_ spec: CommandSpec, pipe: PipeBinding?, input: ValueType?) -> ValueType {
    let single: ValueType =
      switch spec.result {
      case .nothing: .null
      case .entity(let kind): .entity(kind)
      case .list(let kind): .list(.entity(kind))
      case .record: .record(nil)
      }
    guard let pipe, pipe.perItem, input?.isList ?? false else { return single }
    switch single {
    case .null: return .null
    case .list: return single
    default: return .list(single)
    }
  }
}
