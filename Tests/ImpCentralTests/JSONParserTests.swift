import Foundation
import Testing

@testable import ImpCentral

/// The JSON parser agrees with Foundation's on valid text and refuses what it refuses.
@Suite struct JSONParserTests {
  static let valid = [
    #"{"a":true,"b":1,"c":1.5,"d":"x","e":null,"f":[false,0]}"#,
    #"  [ 1 , -2 , 3.25e2 , -0 , 0.5E-3 , 12345678901234567890 ]  "#,
    #""just a string""#, "42", "null", "true", "[]", "{}", #"{"":""}"#,
    #"{"escapes":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}"#,
    #"{"utf8":"héllo — 日本 😀","nested":{"deep":[[[{"x":[]}]]]}}"#,
    #"{"dup":1,"dup":2}"#,
    #"{"data":[{"type":"device","id":"234776801163a9ee","attributes":{"name":null,"rssi":-55}}]}"#,
  ]

  @Test(arguments: valid)
  func agreesWithFoundation(_ text: String) throws {
    let data = Data(text.utf8)
    let expected = JSONValue(
      foundation: try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed))
    #expect(try JSONParser.parse(data) == expected)
  }

  static let invalid: [(String, String)] = [
    ("", "ended where a value was expected"), ("{", "expected a member name"),
    (#"{"a":1,}"#, "expected a member name"), ("[1,]", "unexpected character"),
    ("[1 2]", "expected ',' or ']'"), ("01", "may not start with 0"), ("1.", "after '.'"),
    ("-", "expected a digit"), ("1e", "exponent"), ("tru", "unexpected word"),
    (#""abc"#, "ended inside a string"), ("\"a\u{01}b\"", "control character"),
    (#""\x""#, "unknown escape"), (#""\ud800""#, "high surrogate"),
    (#""\udc00""#, "lone low surrogate"), (#""\u12G4""#, "four hex digits"),
    ("[1] [2]", "after the JSON value"), ("{'a':1}", "member name"), ("// c\n1", "unexpected"),
  ]

  @Test(arguments: invalid)
  func refusesMalformedText(_ text: String, _ reason: String) {
    #expect(throws: JSONDecodingError.self) { try JSONParser.parse(Data(text.utf8)) }
    do {
      _ = try JSONParser.parse(Data(text.utf8))
    } catch {
      #expect(error.message.contains(reason), "\(error.message)")
    }
  }

  @Test func refusesInvalidUTF8AndOverDeepNesting() {
    #expect(throws: JSONDecodingError.self) { try JSONParser.parse(Data([0x22, 0xFF, 0x22])) }
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    #expect(throws: JSONDecodingError.self) { try JSONParser.parse(Data(deep.utf8)) }
    let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
    #expect(throws: Never.self) { try JSONParser.parse(Data(fine.utf8)) }
  }

  @Test func randomValuesSurviveARoundTrip() throws {
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<300 {
      let value = Self.random(depth: 0, using: &generator)
      #expect(try JSONParser.parse(value.encoded()) == value)
    }
  }

  private static func random(depth: Int, using generator: inout SeededGenerator) -> JSONValue {
    let choice = Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &generator)
    switch choice {
    case 0: return .null
    case 1: return .bool(Bool.random(using: &generator))
    case 2: return .number(Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) / 8)
    case 3:
      let scalars = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in
        ["a", "é", "\"", "\\", "\n", "😀", " ", "/", "\u{7}"].randomElement(using: &generator)!
      }
      return .string(scalars.joined())
    case 4:
      return .array(
        (0..<Int.random(in: 0..<4, using: &generator)).map { _ in
          random(depth: depth + 1, using: &generator)
        })
    default:
      var members: [String: JSONValue] = [:]
      for index in 0..<Int.random(in: 0..<4, using: &generator) {
        members["k\(index)"] = random(depth: depth + 1, using: &generator)
      }
      return .object(members)
    }
  }
}

/// A small deterministic random number generator (SplitMix64) for repeatable tests.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
