import Foundation

/// Reads JSON text straight into `JSONValue`.
///
/// Foundation's `JSONSerialization` builds bridged objects that must then be converted
/// one by one; on a page of 100 devices that conversion cost twice the parse itself, and
/// listing 10,000 devices spent half its time there. This parser makes the values in one
/// pass. It is strict (RFC 8259: no trailing commas, no comments, valid UTF-8, no lone
/// surrogates) and refuses nesting deeper than `maximumDepth`.
struct JSONParser {
  /// The deepest nesting accepted; deeper input is refused rather than risk the stack.
  static let maximumDepth = 512

  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0
  private var depth = 0

  private init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// Parses one JSON text, which may be any value, with only white space around it.
  static func parse(_ data: Data) throws(JSONDecodingError) -> JSONValue {
    let result: Result<JSONValue, JSONDecodingError> = data.withUnsafeBytes { raw in
      var parser = JSONParser(raw.bindMemory(to: UInt8.self))
      do throws(JSONDecodingError) {
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.bytes.count else {
          throw parser.failure("unexpected text after the JSON value")
        }
        return .success(value)
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  private mutating func value() throws(JSONDecodingError) -> JSONValue {
    skipSpace()
    guard index < bytes.count else { throw failure("the text ended where a value was expected") }
    switch bytes[index] {
    case UInt8(ascii: "{"):
      return try nested { (parser) throws(JSONDecodingError) in try parser.object() }
    case UInt8(ascii: "["):
      return try nested { (parser) throws(JSONDecodingError) in try parser.array() }
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
    default: throw failure("unexpected character where a value was expected")
    }
  }

  private mutating func nested(
    _ body: (inout JSONParser) throws(JSONDecodingError) -> JSONValue
  ) throws(JSONDecodingError) -> JSONValue {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else {
      throw failure("values are nested more than \(Self.maximumDepth) deep")
    }
    return try body(&self)
  }

  private mutating func object() throws(JSONDecodingError) -> JSONValue {
    index += 1
    var members: [String: JSONValue] = [:]
    skipSpace()
    if consume(UInt8(ascii: "}")) { return .object(members) }
    repeat {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw failure("expected a member name in quotes")
      }
      let key = try string()
      skipSpace()
      guard consume(UInt8(ascii: ":")) else { throw failure("expected ':' after a member name") }
      members[key] = try value()
      skipSpace()
    } while consume(UInt8(ascii: ","))
    guard consume(UInt8(ascii: "}")) else { throw failure("expected ',' or '}' in an object") }
    return .object(members)
  }

  private mutating func array() throws(JSONDecodingError) -> JSONValue {
    index += 1
    var items: [JSONValue] = []
    skipSpace()
    if consume(UInt8(ascii: "]")) { return .array(items) }
    repeat {
      items.append(try value())
      skipSpace()
    } while consume(UInt8(ascii: ","))
    guard consume(UInt8(ascii: "]")) else { throw failure("expected ',' or ']' in an array") }
    return .array(items)
  }

  private mutating func literal(_ word: StaticString, _ value: JSONValue)
    throws(JSONDecodingError) -> JSONValue
  {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count,
      (0..<count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] })
    else { throw failure("unexpected word where a value was expected") }
    index += count
    return value
  }

  // MARK: - Small steps

  mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  mutating func consume(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  func failure(_ what: String) -> JSONDecodingError {
    JSONDecodingError(message: "\(what) (at byte \(index))")
  }
}
