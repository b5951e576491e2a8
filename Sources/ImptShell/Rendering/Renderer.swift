import ImpCentral
import ImptLanguage

/// Turns a result value into the text the user sees.
///
/// Lists of records render as a table, one record as aligned `key: value` lines, scalars
/// as themselves; `--output json` gives JSON and `--output minimal` gives bare ids.
public struct Renderer: Sendable {
  public var options: RenderOptions

  /// Creates a renderer.
  public init(options: RenderOptions) {
    self.options = options
  }

  /// The text for `value`, ending in a newline, or empty when there is nothing to show.
  public func render(_ value: Value) -> String {
    let text: String
    switch options.mode {
    case .json: text = value == .null ? "" : value.jsonText(pretty: true)
    case .minimal: text = minimal(value).escapingControlCharacters
    case .table, .debug:
      text = TextTable(value, width: options.width, colors: Colors(isEnabled: options.color))
        .render()
    }
    guard !text.isEmpty else { return "" }
    return text.hasSuffix("\n") ? text : text + "\n"
  }

  private func minimal(_ value: Value) -> String {
    switch value {
    case .null: return ""
    case .entity(let entity): return entity.id
    case .list(let items): return items.map(minimal).filter { !$0.isEmpty }.joined(separator: "\n")
    case .record(let record):
      if let id = record["id"] { return id.displayText }
      return record.values.map(\.displayText).joined(separator: " ")
    default: return value.displayText
    }
  }
}
