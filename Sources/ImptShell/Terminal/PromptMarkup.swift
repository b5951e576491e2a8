/// Marks the escape sequences of a prompt so that libedit leaves them out of its width.
///
/// libedit's `EL_PROMPT_ESC` prints text between two `\u{1}` markers without counting it;
/// without the marks a coloured prompt puts the cursor in the wrong column. libedit
/// 3.1-20221030 mishandles two marked runs back to back and a marked run at the very end
/// of the prompt, so adjacent sequences share one run, and trailing sequences move in
/// front of the last visible character (which then loses their effect):
///
///     "\u{1b}[1m\u{1b}[36mimptsh> \u{1b}[0m"
///       →   "\u{1}\u{1b}[1m\u{1b}[36m\u{1}imptsh>\u{1}\u{1b}[0m\u{1} "
enum PromptMarkup {
  /// The marker character given to libedit.
  static let marker: Character = "\u{1}"

  /// A run of the prompt: escape sequences, or visible text.
  private enum Run: Equatable {
    case escapes(String)
    case text(String)
  }

  /// The prompt with its escape sequences marked for libedit.
  static func mark(_ prompt: String) -> String {
    var runs = self.runs(of: prompt)
    if case .escapes(let trailing) = runs.last {
      runs.removeLast()
      guard case .text(var text) = runs.popLast(), let last = text.unicodeScalars.last else {
        return ""
      }
      text.unicodeScalars.removeLast()
      runs += [.text(text), .escapes(trailing), .text(String(last))]
    }
    return runs.map { run in
      switch run {
      case .escapes(let sequences): "\u{1}" + sequences + "\u{1}"
      case .text(let text): text
      }
    }.joined()
  }

  /// Splits the prompt into alternating runs, dropping any markers already in it.
  private static func runs(of prompt: String) -> [Run] {
    var runs: [Run] = []
    var scalars = Array(prompt.unicodeScalars.filter { $0 != "\u{1}" })[...]
    while let first = scalars.first {
      if first == "\u{1b}" {
        let length = escapeLength(scalars)
        append(.escapes(String(String.UnicodeScalarView(scalars.prefix(length)))), to: &runs)
        scalars = scalars.dropFirst(length)
      } else {
        append(.text(String(first)), to: &runs)
        scalars = scalars.dropFirst()
      }
    }
    return runs.filter { $0 != .text("") && $0 != .escapes("") }
  }

  /// The length of the escape sequence at the start: `ESC [ params final` or `ESC x`.
  private static func escapeLength(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
    let rest = scalars.dropFirst()
    guard rest.first == "[" else { return min(2, scalars.count) }
    let body = rest.dropFirst()
    guard let final = body.firstIndex(where: { (0x40...0x7E).contains($0.value) }) else {
      return scalars.count
    }
    return final - scalars.startIndex + 1
  }

  private static func append(_ run: Run, to runs: inout [Run]) {
    switch (runs.last, run) {
    case (.escapes(let old)?, .escapes(let new)): runs[runs.count - 1] = .escapes(old + new)
    case (.text(let old)?, .text(let new)): runs[runs.count - 1] = .text(old + new)
    default: runs.append(run)
    }
  }
}
