import Foundation

/// Strings and numbers.
extension JSONParser {
  /// A string starting at the opening quote; the fast path copies it whole when it has no
  /// escapes.
  mutating func string() throws(JSONDecodingError) -> String {
    index += 1
    let start = index
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "\""):
        let text = try text(from: start, to: index)
        index += 1
        return text
      case UInt8(ascii: "\\"):
        return try escapedString(prefix: try text(from: start, to: index))
      case 0..<0x20:
        throw failure("a control character inside a string must be escaped")
      default:
        index += 1
      }
    }
    throw failure("the text ended inside a string")
  }

  private mutating func escapedString(prefix: String) throws(JSONDecodingError) -> String {
    var scalars = String.UnicodeScalarView(prefix.unicodeScalars)
    var start = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        scalars.append(contentsOf: try text(from: start, to: index).unicodeScalars)
        if byte == UInt8(ascii: "\"") {
          index += 1
          return String(scalars)
        }
        scalars.append(try escape())
        start = index
      } else if byte < 0x20 {
        throw failure("a control character inside a string must be escaped")
      } else {
        index += 1
      }
    }
    throw failure("the text ended inside a string")
  }

  /// One escape sequence after its backslash.
  private mutating func escape() throws(JSONDecodingError) -> Unicode.Scalar {
    index += 1
    guard index < bytes.count else { throw failure("the text ended inside an escape") }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"): return try unicodeEscape()
    default: throw failure("unknown escape in a string")
    }
  }

  private mutating func unicodeEscape() throws(JSONDecodingError) -> Unicode.Scalar {
    let first = try hex4()
    if (0xD800...0xDBFF).contains(first) {
      guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
        bytes[index + 1] == UInt8(ascii: "u")
      else { throw failure("a high surrogate must be followed by a low one") }
      index += 2
      let second = try hex4()
      guard (0xDC00...0xDFFF).contains(second) else {
        throw failure("a high surrogate must be followed by a low one")
      }
      let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
      guard let scalar = Unicode.Scalar(value) else { throw failure("bad surrogate pair") }
      return scalar
    }
    guard let scalar = Unicode.Scalar(first) else { throw failure("a lone low surrogate") }
    return scalar
  }

  private mutating func hex4() throws(JSONDecodingError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw failure("the text ended inside '\\u'") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw failure("expected four hex digits after '\\u'")
      }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    return value
  }

  private func text(from start: Int, to end: Int) throws(JSONDecodingError) -> String {
    let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
    guard let text = String(validating: slice, as: UTF8.self) else {
      throw failure("a string is not valid UTF-8")
    }
    return text
  }

  /// A number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
  mutating func number() throws(JSONDecodingError) -> Double {
    let start = index
    _ = consume(UInt8(ascii: "-"))
    let firstDigit = index
    let count = digits()
    guard count > 0 else { throw failure("expected a digit in a number") }
    if count > 1, bytes[firstDigit] == UInt8(ascii: "0") {
      throw failure("a number may not start with 0")
    }
    var isInteger = true
    if consume(UInt8(ascii: ".")) {
      isInteger = false
      guard digits() > 0 else { throw failure("expected a digit after '.'") }
    }
    if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
      isInteger = false
      if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
      guard digits() > 0 else { throw failure("expected a digit in an exponent") }
    }
    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
    if isInteger, slice.count < 16, let integer = Int(String(decoding: slice, as: UTF8.self)) {
      return Double(integer)
    }
    guard let value = Double(String(decoding: slice, as: UTF8.self)) else {
      throw failure("a number is out of range")
    }
    return value
  }

  private mutating func digits() -> Int {
    let start = index
    while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
      index += 1
    }
    return index - start
  }
}
