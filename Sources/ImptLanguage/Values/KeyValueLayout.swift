/// One record as aligned `key: value` lines; nested records are indented beneath their key.
///
/// `{id: "a1", name: "MyProduct"}` becomes
/// ```
/// id:    a1
/// name:  MyProduct
/// ```
struct KeyValueLayout {
  let record: Record
  let style: Colors

  /// The most lines of a multi-line text shown under its key, such as a build's code.
  static let longestText = 8

  /// The laid-out text, without a final newline.
  var text: String { lines(record, indent: "").joined(separator: "\n") }

  private func lines(_ record: Record, indent: String) -> [String] {
    let width = (record.names.map(\.escapingControlCharacters.count).max() ?? 0) + 1
    return record.pairs.flatMap { name, value in
      entry(name, value, indent: indent, width: width)
    }
  }

  private func entry(_ name: String, _ value: Value, indent: String, width: Int) -> [String] {
    let shownName = name.escapingControlCharacters
    let label = style.cyan(shownName + ":")
    let padding = String(repeating: " ", count: max(0, width - shownName.count))
    switch value {
    case .record(let nested) where !nested.names.isEmpty:
      return [indent + label] + lines(nested, indent: indent + "  ")
    case .string(let text) where text.contains("\n"):
      let body = text.split(separator: "\n", omittingEmptySubsequences: false)
      let shown = body.prefix(Self.longestText).map {
        indent + "  " + String($0).escapingControlCharacters
      }
      let more = body.count - shown.count
      let rest = more > 0 ? [indent + "  … (\(more) more lines; '| get \(name)' shows all)"] : []
      return [indent + label] + shown + rest
    default:
      return [indent + label + padding + value.cellText]
    }
  }
}
