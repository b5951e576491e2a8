import Foundation
import Testing

@testable import ImpCentral

@Test func jsonKeepsBooleansNumbersAndStringsApart() throws {
  let value = try JSONValue.parse(#"{"a":true,"b":1,"c":1.5,"d":"x","e":null,"f":[false,0]}"#)
  #expect(value["a"] == .bool(true))
  #expect(value["b"] == .number(1))
  #expect(value["c"] == .number(1.5))
  #expect(value["d"] == .string("x"))
  #expect(value["e"] == .null)
  #expect(value["f"] == .array([.bool(false), .number(0)]))
  #expect(value.jsonText() == #"{"a":true,"b":1,"c":1.5,"d":"x","e":null,"f":[false,0]}"#)
}
