/// A line split into words and separators the way the shell's lexer sees them.
///
/// Completion and history redaction need the words of a line without running the whole
/// language lexer: quotes group text (`"My DG"` is one word whose text is `My DG`), a
/// backslash escapes the next character, and `;`, `|`, braces, parentheses and newlines
/// end a statement or a pipe stage. An unterminated quote runs to the end of the line.
///
///     --pwd="a b" | x   →   word(--pwd=a b), separator(|), word(x)
struct ShellWords {
  /// One word: where it stands in the line and its text with quotes removed.
  struct Word: Equatable {
    /// The range of the word in the line, quotes included.
    var range: Range<String.Index>
    /// The word with quotes and escapes removed.
    var text: String
    /// The quote still open at the end of the line, if the word is unterminated.
    var openQuote: Character?
  }

  /// A word or a separator, in line order.
  enum Piece: Equatable {
    case word(Word)
    case separator(Character)
  }

  /// The characters that end a statement or a pipe stage outside quotes.
  static let separators: Set<Character> = [";", "|", "{", "}", "(", ")", "\n"]

  /// The pieces of the line, in order.
  private(set) var pieces: [Piece] = []

  /// Splits `line` into words and separators.
  init(_ line: String) {
    var index = line.startIndex
    while index < line.endIndex {
      let character = line[index]
      if Self.separators.contains(character) {
        pieces.append(.separator(character))
        index = line.index(after: index)
      } else if character.isWhitespace {
        index = line.index(after: index)
      } else {
        let word = Self.word(in: line, from: &index)
        pieces.append(.word(word))
      }
    }
  }

  /// The words after the last separator: the current statement or pipe stage.
  var lastSegment: [Word] {
    var words: [Word] = []
    for piece in pieces {
      switch piece {
      case .separator: words.removeAll()
      case .word(let word): words.append(word)
      }
    }
    return words
  }

  /// The pipe stages of the statement the line ends in, each as its list of words: a
  /// new statement starts after `;`, a brace, a parenthesis or a newline (except one
  /// right after `|`, which continues the pipe).
  ///
  ///     let n = device list | where on   →   [[device, list], [where, on]]
  var lastStatementStages: [[Word]] {
    var stages: [[Word]] = [[]]
    var afterPipe = false
    for piece in pieces {
      switch piece {
      case .separator("|"):
        stages.append([])
        afterPipe = true
      case .separator("\n") where afterPipe:
        continue
      case .separator:
        stages = [[]]
        afterPipe = false
      case .word(let word):
        stages[stages.count - 1].append(word)
        afterPipe = false
      }
    }
    return stages
  }

  /// The statements and pipe stages of the line, each as its list of words.
  var segments: [[Word]] {
    var result: [[Word]] = [[]]
    for piece in pieces {
      switch piece {
      case .separator: result.append([])
      case .word(let word): result[result.count - 1].append(word)
      }
    }
    return result.filter { !$0.isEmpty }
  }

  private static func word(in line: String, from index: inout String.Index) -> Word {
    let start = index
    var text = ""
    var quote: Character?
    while index < line.endIndex {
      let character = line[index]
      if quote == nil, character.isWhitespace || separators.contains(character) { break }
      index = line.index(after: index)
      if character == "\\", quote != "'", index < line.endIndex {
        text.append(line[index])
        index = line.index(after: index)
      } else if character == quote {
        quote = nil
      } else if quote == nil, character == "\"" || character == "'" {
        quote = character
      } else {
        text.append(character)
      }
    }
    return Word(range: start..<index, text: text, openQuote: quote)
  }
}
