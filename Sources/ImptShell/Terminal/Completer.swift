/// Finds the words that could complete the text before the cursor.
///
/// The line editor calls it when Tab is pressed; it runs on the editor's thread and must
/// not block on the network (read names from a cache instead).
public protocol Completer {
  /// The completions for `textBeforeCursor`, which may span several lines of one entry.
  func complete(_ textBeforeCursor: String) -> Completion
}

/// The candidates for the word under the cursor.
public struct Completion: Sendable, Equatable {
  /// The partial word before the cursor, as typed (quotes included), that a candidate
  /// replaces.
  public var word: String
  /// Whole replacement words, sorted and unique, quoted where needed.
  public var candidates: [String]

  /// Creates a completion.
  public init(word: String, candidates: [String]) {
    self.word = word
    self.candidates = candidates
  }

  /// No candidates for `word`.
  public static func none(for word: String) -> Completion {
    Completion(word: word, candidates: [])
  }

  /// What the editor does with this completion.
  public var outcome: CompletionOutcome {
    guard let first = candidates.first else { return .beep }
    if candidates.count == 1 { return .replace(with: first.hasSuffix("/") ? first : first + " ") }

    let prefix = candidates.dropFirst().reduce(first) { common, candidate in
      String(zip(common, candidate).prefix { $0 == $1 }.map(\.0))
    }
    if prefix.count > word.count { return .replace(with: prefix) }
    return .list(candidates)
  }
}

/// The effect of pressing Tab.
public enum CompletionOutcome: Sendable, Equatable {
  /// Replace the partial word with this text: the single match and a space (none after a
  /// folder, so Tab can go on inside it), or the common prefix of several matches.
  case replace(with: String)
  /// Show these candidates below the line, then redraw the line unchanged.
  case list([String])
  /// Nothing completes: ring the bell.
  case beep
}

/// Lays words out in columns, row by row, like `ls`.
enum ColumnLayout {
  /// The lines that show `words` in as many columns as fit in `width`.
  static func lines(_ words: [String], width: Int) -> [String] {
    guard !words.isEmpty else { return [] }
    let cell = (words.map(\.count).max() ?? 0) + 2
    let columns = max(1, min(words.count, max(width, cell) / cell))
    let rows = (words.count + columns - 1) / columns

    return (0..<rows).map { row in
      let line = (0..<columns).compactMap { column -> String? in
        let index = column * rows + row
        guard index < words.count else { return nil }
        return words[index].padded(to: cell)
      }
      return line.joined().trimmingTrailingSpaces()
    }
  }
}

extension String {
  fileprivate func padded(to length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }

  fileprivate func trimmingTrailingSpaces() -> String {
    var result = self
    while result.last == " " { result.removeLast() }
    return result
  }
}
