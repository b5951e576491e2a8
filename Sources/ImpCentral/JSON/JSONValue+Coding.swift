import Foundation

/// A failure to read JSON text.
public struct JSONDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What was wrong, in the parser's words.
  public var message: String

  public var description: String { message }
}

extension JSONValue {
  /// Parses JSON text (any top-level value).
  public static func parse(_ data: Data) throws(JSONDecodingError) -> JSONValue {
    try JSONParser.parse(data)
  }

  /// Parses JSON text given as a string.
  public static func parse(_ text: String) throws(JSONDecodingError) -> JSONValue {
    try parse(Data(text.utf8))
  }

  /// The value as compact JSON text with sorted keys and unescaped slashes.
  public func encoded(pretty: Bool = false) -> Data {
    var options: JSONSerialization.WritingOptions = [
      .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed,
    ]
    if pretty { options.insert(.prettyPrinted) }
    // A JSONValue holds only JSON-compatible values, so serialization cannot fail.
    return (try? JSONSerialization.data(withJSONObject: foundationObject, options: options))
      ?? Data("null".utf8)
  }

  /// The value as JSON text.
  public func jsonText(pretty: Bool = false) -> String {
    String(decoding: encoded(pretty: pretty), as: UTF8.self)
  }

  /// Converts a value produced by `JSONSerialization`.
  ///
  /// The casts are tried from the most to the least common, objects first: on Linux a
  /// failed cast from `Any` is costly, and this order made decoding a page of devices
  /// ten times faster than testing for `NSNull` first.
  public init(foundation object: Any) {
    if let dictionary = object as? [String: Any] {
      var members = [String: JSONValue](minimumCapacity: dictionary.count)
      for (key, value) in dictionary { members[key] = JSONValue(foundation: value) }
      self = .object(members)
    } else if let string = object as? String {
      self = .string(string)
    } else if let array = object as? [Any] {
      self = .array(array.map(JSONValue.init(foundation:)))
    } else if let number = object as? NSNumber {
      self = Self.fromNumber(number)
    } else {
      self = .null
    }
  }

  /// The value as `JSONSerialization` objects.
  public var foundationObject: Any {
    switch self {
    case .null: return NSNull()
    case .bool(let value): return value
    case .number(let value):
      if let integer = intValue { return integer }
      return value
    case .string(let value): return value
    case .array(let values): return values.map(\.foundationObject)
    case .object(let members): return members.mapValues(\.foundationObject)
    }
  }

  private static func fromNumber(_ number: NSNumber) -> JSONValue {
    // Foundation hands JSON booleans back as NSNumber; their Objective-C type is "c".
    if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
    return .number(number.doubleValue)
  }

  private static func describe(_ error: any Error) -> String {
    let nsError = error as NSError
    if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String {
      return detail
    }
    return "the text is not valid JSON"
  }
}

extension JSONValue: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .number(let value):
      if let integer = intValue {
        try container.encode(integer)
      } else {
        try container.encode(value)
      }
    case .string(let value): try container.encode(value)
    case .array(let values): try container.encode(values)
    case .object(let members): try container.encode(members)
    }
  }
}
