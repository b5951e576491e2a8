/// Binds a command's arguments to its options, in the order written.
///
/// A value option takes the next argument, even one starting with `-` when the command
/// has no such option (`--descr -5`); a flag takes a following value (`--force false`)
/// and otherwise means true.
struct ArgumentBinder {
  /// The command whose arguments are bound.
  let spec: CommandSpec
  /// The options given, in order.
  private(set) var arguments: [BoundArgument] = []
  /// Where each option was first written.
  private(set) var given: [String: SourceRange] = [:]
  /// The format `--output` asks for.
  private(set) var format: OutputFormat?

  /// Creates a binder for a command.
  init(spec: CommandSpec) {
    self.spec = spec
  }

  /// Binds the arguments as written, reporting every mistake to `checker`.
  mutating func bind(_ written: [CommandArgument], checker: inout Checker) {
    var index = 0
    while index < written.count {
      let argument = written[index]
      index += 1
      switch argument {
      case .value(let value):
        if let option = positional, given[option.name] == nil {
          let word = OptionWord(
            name: option.name, isLong: true, inlineValue: nil, text: "--" + option.name,
            range: value.range)
          add(option, word: word, value: value, checker: &checker)
          continue
        }
        checker.report(
          .unexpectedArgument(Self.describe(value), command: spec.name), at: value.range)
        _ = checker.bind(value)
      case .option(let word):
        guard let option = option(for: word) else {
          if let joined = joinedShortOption(word) {
            reportJoined(word, option: joined, checker: &checker)
            continue
          }
          reportUnknown(word, checker: &checker)
          let secret = resemblesSecret(word)
          if let inline = word.inlineValue, secret { checker.secretRanges.append(inline.range) }
          if word.inlineValue == nil, index < written.count, case .value(let value) = written[index]
          {
            if secret { checker.secretRanges.append(value.range) }
            _ = checker.bind(value)
            index += 1
          }
          continue
        }
        let value = takeValue(for: option, word: word, from: written, at: &index, checker: &checker)
        add(option, word: word, value: value, checker: &checker)
      }
    }
  }

  /// The option a bare word fills, if the command has one.
  private var positional: OptionSpec? {
    spec.positionalOption.flatMap { spec.longOption($0) }
  }

  /// The option a word names: long names after `--`, one-letter aliases after `-`.
  func option(for word: OptionWord) -> OptionSpec? {
    if word.isLong { return spec.longOption(word.name) }
    guard word.name.count == 1, let letter = word.name.first else { return nil }
    return spec.shortOption(letter)
  }

  /// The option whose letter starts `-wSECRET`, a short option with its value joined on.
  private func joinedShortOption(_ word: OptionWord) -> OptionSpec? {
    guard !word.isLong, word.inlineValue == nil, word.name.count > 1,
      let letter = word.name.first, spec.longOption(word.name) == nil
    else { return nil }
    return spec.shortOption(letter)
  }

  /// Refuses `-wSECRET`, masking the value when the option is secret; the option counts
  /// as given, so no second error says it is missing.
  private mutating func reportJoined(
    _ word: OptionWord, option: OptionSpec, checker: inout Checker
  ) {
    given[option.name] = given[option.name] ?? word.range
    let letter = "-" + String(word.name.prefix(1))
    let value = String(word.name.dropFirst())
    if option.isSecret {
      var tail = word.range
      let unquoted = tail.end.column - tail.start.column == word.text.unicodeScalars.count
      if unquoted, tail.start.line == tail.end.line { tail.start.column += 2 }
      checker.secretRanges.append(tail)
    }
    checker.report(
      .joinedShortOption(letter, value: value, secret: option.isSecret), at: word.range)
  }

  /// Whether an unknown option word reads as a secret option, so its value is masked.
  private func resemblesSecret(_ word: OptionWord) -> Bool {
    let secrets = Set(spec.options.filter(\.isSecret).map(\.name))
    return SecretSpelling.resemblesSecret(
      word.name, secretNames: secrets.union(SecretSpelling.standardNames))
  }

  private func reportUnknown(_ word: OptionWord, checker: inout Checker) {
    let longForm = !word.isLong && spec.longOption(word.name) != nil ? word.name : nil
    let suggestion = Suggestion.closest(to: word.name, in: spec.optionNames)
    checker.report(
      .unknownOption(
        (word.isLong ? "--" : "-") + word.name, command: spec.name, suggestion: suggestion,
        longForm: longForm), at: word.range)
  }

  private func takeValue(
    for option: OptionSpec, word: OptionWord, from written: [CommandArgument],
    at index: inout Int, checker: inout Checker
  ) -> Expression? {
    if let inline = word.inlineValue { return inline }
    let next = index < written.count ? written[index] : nil
    switch (option.kind, next) {
    case (.flag, .value(let value)?), (.toggle, .value(let value)?):
      index += 1
      return value
    case (.flag, _), (.toggle, _):
      return Expression(.literal(.bool(true)), range: word.range)
    case (_, .value(let value)?):
      index += 1
      return value
    case (_, .option(let other)?) where other.inlineValue == nil && self.option(for: other) == nil:
      index += 1
      return Expression(.literal(.string(other.text)), range: other.range)
    default:
      checker.report(.missingValue(word.text), at: word.range)
      return nil
    }
  }

  private mutating func add(
    _ option: OptionSpec, word: OptionWord, value: Expression?, checker: inout Checker
  ) {
    if let first = given[option.name], !ArgumentConversion.isRepeatable(option.kind) {
      checker.report(
        .repeatedOption(option.name), at: word.range,
        notes: [Diagnostic.Note("first given here", at: first)])
      return
    }
    guard let value else {
      given[option.name] = word.range
      return
    }
    if option.isSecret { checker.secretRanges.append(value.range) }
    checkLiteral(value, for: option, checker: &checker)
    let bound = checker.bind(value).bound
    if isCommon(option) {
      // `--help` is answered before binding; `--output` picks the format of the result.
      if option == CommandSpec.outputOption {
        if case .string(let text)? = value.literal {
          format = OutputFormat(rawValue: text)
        } else {
          // The format is chosen before the statement runs, so it must be written out.
          let expected = ArgumentConversion.expectation(for: option.kind)
          checker.report(
            .badValue(option, found: Self.describe(value), expected: expected), at: value.range)
        }
      }
      given[option.name] = word.range
      return
    }
    if let position = arguments.firstIndex(where: { $0.option.name == option.name }) {
      arguments[position].values.append(bound)
    } else {
      arguments.append(BoundArgument(option: option, values: [bound], range: word.range))
      given[option.name] = word.range
    }
  }

  /// Whether the option is `--help` or `--output`, which every command takes, rather than
  /// one of the command's own.
  private func isCommon(_ option: OptionSpec) -> Bool {
    (option.name == "help" || option.name == "output")
      && !spec.options.contains { $0.name == option.name }
  }

  /// Converts a literal value as the evaluator would, and reports a mismatch now.
  private func checkLiteral(_ value: Expression, for option: OptionSpec, checker: inout Checker) {
    guard let literal = value.literal else { return }
    let result: Result<Void, ArgumentConversion.Mismatch> =
      ArgumentConversion.isRepeatable(option.kind)
      ? ArgumentConversion.items(literal, for: option).map { _ in () }
      : ArgumentConversion.value(literal, for: option).map { _ in () }
    guard case .failure(let mismatch) = result else { return }
    checker.report(Self.problem(mismatch, option: option, found: literal), at: value.range)
  }

  /// The catalogue message for a value that does not fit its option.
  static func problem(
    _ mismatch: ArgumentConversion.Mismatch, option: OptionSpec, found: Value
  ) -> Problem {
    let text = found.displayText
    switch mismatch {
    case .empty:
      return .emptyValue(option)
    case .wrongKind(let expected):
      return .badValue(option, found: text, expected: expected)
    case .notAChoice(let choices):
      let expected = "one of " + Problem.quotedList(choices, joiner: "or")
      let suggestion =
        Suggestion.closest(to: text, in: choices)
        ?? Suggestion.onlyStarting(with: text, in: choices)
      return .badValue(option, found: text, expected: expected, suggestion: suggestion)
    case .tooSmall(let minimum):
      return .badValue(option, found: text, expected: "a whole number of at least \(minimum)")
    }
  }

  /// An argument as messages quote it: its text, `$name`, or `(…)`.
  static func describe(_ value: Expression) -> String {
    switch value.kind {
    case .literal(let literal): literal.displayText
    case .variable(let path): Parser.describe(path)
    default: "(…)"
    }
  }
}
