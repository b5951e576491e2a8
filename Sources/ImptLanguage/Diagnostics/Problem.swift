/// One entry of the language's message catalogue: a stable id, the message, and help.
///
/// Every parse, check and runtime message of the language is a static function of
/// `Problem`, in `Problem+Parse.swift`, `Problem+Check.swift` and `Problem+Run.swift`;
/// nothing else writes message text.
struct Problem: Sendable, Hashable {
  /// The stable id: `check.unknownOption`.
  var id: String
  var message: String
  /// Remedies, each a full sentence, and "did you mean" questions.
  var help: [String]
  var isUnfinished: Bool

  init(_ id: String, _ message: String, help: [String] = [], unfinished: Bool = false) {
    self.id = id
    self.message = message
    self.help = help
    isUnfinished = unfinished
  }

  /// The help line for a close match, or nothing: `did you mean '--name'?`.
  static func didYouMean(_ suggestion: String?) -> [String] {
    suggestion.map { ["did you mean '\($0)'?"] } ?? []
  }

  /// Words as a list for messages: `'a', 'b' and 'c'`.
  static func quotedList(_ words: [String], joiner: String = "and") -> String {
    let quoted = words.map { "'\($0)'" }
    guard let last = quoted.last, quoted.count > 1 else { return quoted.first ?? "" }
    return quoted.dropLast().joined(separator: ", ") + " \(joiner) " + last
  }
}
