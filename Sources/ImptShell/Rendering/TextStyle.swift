/// ANSI styling that is a no-op when colour is off.
struct TextStyle: Sendable {
  let enabled: Bool

  /// Bold text, for table headers.
  func bold(_ text: String) -> String { wrap(text, "1") }
  /// Dim text, for notes such as `(no items)`.
  func dim(_ text: String) -> String { wrap(text, "2") }
  /// Cyan text, for keys.
  func key(_ text: String) -> String { wrap(text, "36") }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
