import ImpCentral

extension Value {
  /// The value of a JSON value: objects become records with their keys sorted.
  public init(json: JSONValue) {
    switch json {
    case .null: self = .null
    case .bool(let value): self = .bool(value)
    case .number(let value): self = .number(value)
    case .string(let value): self = .string(value)
    case .array(let items): self = .list(items.map(Value.init(json:)))
    case .object(let members):
      let names = members.keys.sorted()
      self = .record(Record(names: names, values: names.map { Value(json: members[$0] ?? .null) }))
    }
  }

  /// The value as JSON; an entity becomes the object of its fields.
  public var json: JSONValue {
    switch self {
    case .null: .null
    case .bool(let value): .bool(value)
    case .number(let value): .number(value)
    case .string(let value): .string(value)
    case .list(let items): .array(items.map(\.json))
    case .record(let record): Self.object(record)
    case .entity(let entity): Self.object(entity.fields)
    }
  }

  /// The value as JSON text that keeps record fields in their order.
  ///
  /// `pretty` indents by two spaces: `{"a": 1}` becomes
  /// ```
  /// {
  ///   "a": 1
  /// }
  /// ```
  public func jsonText(pretty: Bool = true) -> String {
    var writer = JSONWriter(pretty: pretty)
    writer.write(self, depth: 0)
    return writer.output
  }

  private static func object(_ record: Record) -> JSONValue {
    var members: [String: JSONValue] = [:]
    for (name, value) in record.pairs { members[name] = value.json }
    return .object(members)
  }
}

/// Writes values as JSON text, record fields in order.
private struct JSONWriter {
  let pretty: Bool
  var output = ""

  mutating func write(_ value: Value, depth: Int) {
    switch value {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .number(let number): output += Value.format(number)
    case .string(let text): writeString(text)
    case .list(let items): writeList(items, depth: depth)
    case .record(let record): writeRecord(record, depth: depth)
    case .entity(let entity): writeRecord(entity.fields, depth: depth)
    }
  }

  private mutating func writeList(_ items: [Value], depth: Int) {
    guard !items.isEmpty else { return output += "[]" }
    output += "["
    for (position, item) in items.enumerated() {
      if position > 0 { output += "," }
      newline(depth + 1)
      write(item, depth: depth + 1)
    }
    newline(depth)
    output += "]"
  }

  private mutating func writeRecord(_ record: Record, depth: Int) {
    guard !record.isEmpty else { return output += "{}" }
    output += "{"
    for (position, (name, value)) in record.pairs.enumerated() {
      if position > 0 { output += "," }
      newline(depth + 1)
      writeString(name)
      output += pretty ? ": " : ":"
      write(value, depth: depth + 1)
    }
    newline(depth)
    output += "}"
  }

  private mutating func newline(_ depth: Int) {
    guard pretty else { return }
    output += "\n" + String(repeating: "  ", count: depth)
  }

  private mutating func writeString(_ text: String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
