/// Turns a value given to an option into the value its kind calls for.
///
/// The checker converts literal arguments with it before anything runs, and the
/// evaluator converts computed ones, so both give the same answers.
enum ArgumentConversion {
  /// Why a value does not fit an option.
  enum Mismatch: Error, Equatable {
    /// Empty text where the option needs some.
    case empty
    /// A value of the wrong kind; `expected` says what fits.
    case wrongKind(expected: String)
    /// A word that is not one of the option's choices.
    case notAChoice([String])
    /// A whole number below the option's minimum.
    case tooSmall(minimum: Int)
  }

  /// The value of one occurrence of a single-valued option.
  static func value(_ value: Value, for option: OptionSpec) -> Result<Value, Mismatch> {
    switch option.kind {
    case .text(let allowsEmpty): text(value, option: option, allowsEmpty: allowsEmpty)
    case .flag, .toggle: boolean(value)
    case .integer(let minimum): integer(value, minimum: minimum)
    case .choice(let choices), .choiceList(let choices): choice(value, in: choices)
    case .textList: text(value, option: option, allowsEmpty: false)
    }
  }

  /// The items one occurrence of a repeatable option adds: a list adds each item.
  static func items(_ value: Value, for option: OptionSpec) -> Result<[Value], Mismatch> {
    var items: [Value] = []
    for item in value.items {
      switch self.value(item, for: option) {
      case .success(let converted): items.append(converted)
      case .failure(let mismatch): return .failure(mismatch)
      }
    }
    return .success(items)
  }

  /// Whether the option takes every occurrence as one more item of a list.
  static func isRepeatable(_ kind: OptionKind) -> Bool {
    switch kind {
    case .textList, .choiceList: true
    default: false
    }
  }

  /// What fits an option, for messages: `a whole number of at least 1`.
  static func expectation(for kind: OptionKind) -> String {
    switch kind {
    case .text, .textList: "text"
    case .flag, .toggle: "'true' or 'false'"
    case .integer(let minimum): "a whole number of at least \(minimum)"
    case .choice(let choices), .choiceList(let choices):
      "one of " + Problem.quotedList(choices, joiner: "or")
    }
  }

  private static func text(
    _ value: Value, option: OptionSpec, allowsEmpty: Bool
  ) -> Result<Value, Mismatch> {
    switch value {
    case .string(let text):
      return text.isEmpty && !allowsEmpty ? .failure(.empty) : .success(value)
    case .number, .bool:
      return .success(.string(value.displayText))
    case .entity(let entity):
      return .success(option.identifies == entity.kind ? value : .string(entity.id))
    case .record(let record):
      guard case .string(let id)? = record["id"] else {
        return .failure(.wrongKind(expected: "text"))
      }
      return .success(.string(id))
    case .null, .list:
      return .failure(.wrongKind(expected: "text"))
    }
  }

  private static func boolean(_ value: Value) -> Result<Value, Mismatch> {
    switch value {
    case .bool: .success(value)
    case .string("true"): .success(.bool(true))
    case .string("false"): .success(.bool(false))
    default: .failure(.wrongKind(expected: "'true' or 'false'"))
    }
  }

  private static func integer(_ value: Value, minimum: Int) -> Result<Value, Mismatch> {
    let number: Double? =
      switch value {
      case .number(let number): number
      case .string(let text): Parser.number(text)
      default: nil
      }
    guard let number, number.rounded() == number, abs(number) < 1e15 else {
      return .failure(.wrongKind(expected: "a whole number"))
    }
    guard number >= Double(minimum) else { return .failure(.tooSmall(minimum: minimum)) }
    return .success(.number(number))
  }

  private static func choice(_ value: Value, in choices: [String]) -> Result<Value, Mismatch> {
    guard case .string(let word) = value, choices.contains(word) else {
      return .failure(.notAChoice(choices))
    }
    return .success(value)
  }
}
