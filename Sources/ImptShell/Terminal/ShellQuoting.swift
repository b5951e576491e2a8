/// Quotes words so that the shell's lexer reads them back as one word.
enum ShellQuoting {
  private static let special: Set<Character> = [
    ";", "|", "{", "}", "(", ")", "\"", "'", "\\", "$", "#",
  ]

  /// The word as it must be typed: unchanged when plain, else in quotes.
  ///
  ///     My DG   →   "My DG"
  ///     $5 off  →   '$5 off'
  static func quote(_ word: String) -> String {
    guard word.isEmpty || word.contains(where: { $0.isWhitespace || special.contains($0) })
    else { return word }

    if !word.contains(where: { $0 == "\"" || $0 == "$" || $0 == "\\" }) {
      return "\"" + word + "\""
    }
    if !word.contains("'") { return "'" + word + "'" }
    let escaped = word.map { "\"$\\".contains($0) ? "\\" + String($0) : String($0) }
    return "\"" + escaped.joined() + "\""
  }
}
