import ImpCentral
import ImptLanguage

/// Values as JSON: entities become objects of their fields, records keep their order.
enum JSONRendering {
  /// Pretty JSON text for `value`, two-space indented, fields in record order.
  static func text(_ value: Value) -> String {
    var output = ""
    write(value, indent: 0, into: &output)
    return output
  }

  private static func write(_ value: Value, indent: Int, into output: inout String) {
    switch value {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .number(let number): output += ValueText.number(number)
    case .string(let text): output += quoted(text)
    case .list(let items): writeList(items, indent: indent, into: &output)
    case .record(let record): writeRecord(record, indent: indent, into: &output)
    case .entity(let entity): writeRecord(entity.fields, indent: indent, into: &output)
    }
  }

  private static func writeList(_ items: [Value], indent: Int, into output: inout String) {
    guard !items.isEmpty else {
      output += "[]"
      return
    }
    let inner = String(repeating: " ", count: indent + 2)
    output += "[\n"
    for (index, item) in items.enumerated() {
      output += inner
      write(item, indent: indent + 2, into: &output)
      output += index == items.count - 1 ? "\n" : ",\n"
    }
    output += String(repeating: " ", count: indent) + "]"
  }

  private static func writeRecord(_ record: Record, indent: Int, into output: inout String) {
    guard !record.names.isEmpty else {
      output += "{}"
      return
    }
    let inner = String(repeating: " ", count: indent + 2)
    output += "{\n"
    for (index, (name, item)) in record.pairs.enumerated() {
      output += inner + quoted(name) + ": "
      write(item, indent: indent + 2, into: &output)
      output += index == record.names.count - 1 ? "\n" : ",\n"
    }
    output += String(repeating: " ", count: indent) + "}"
  }

  /// A JSON string literal, escaped as JSON requires.
  static func quoted(_ text: String) -> String {
    JSONValue.string(text).jsonText()
  }
}
