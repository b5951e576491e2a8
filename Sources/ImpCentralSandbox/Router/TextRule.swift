/// Which characters names and descriptions may hold, so that text read back and printed
/// can never move a terminal's cursor, clear its screen or change its colours.
///
/// Names (of products, device groups and devices) hold no control character at all: no
/// C0 character (tab and line breaks included), no DEL, no C1 character. Descriptions may
/// break lines and hold tabs (LF, CR, TAB), which the shell shows safely, but no other
/// control character. A refused value is a 400 `VX017` naming the attribute, the
/// character and its place.
enum TextRule: Equatable {
  case name
  case description

  /// Whether `scalar` is a control character: C0 (U+0000–U+001F), DEL or C1 (U+0080–U+009F).
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// Whether text under this rule may hold `scalar`.
  func allows(_ scalar: Unicode.Scalar) -> Bool {
    guard Self.isControl(scalar) else { return true }
    return self == .description && [0x09, 0x0A, 0x0D].contains(scalar.value)
  }

  /// The first character `text` may not hold and its place (1-based, in characters).
  ///
  /// `"EVIL\u{1B}[2J"` as a name gives U+001B at 5.
  func firstRefused(in text: String) -> (scalar: Unicode.Scalar, position: Int)? {
    for (offset, character) in text.enumerated() {
      if let scalar = character.unicodeScalars.first(where: { !allows($0) }) {
        return (scalar, offset + 1)
      }
    }
    return nil
  }

  /// What the rule allows, as the end of an error's detail.
  var summary: String {
    switch self {
    case .name: "names hold no control characters, tabs and line breaks included"
    case .description: "descriptions may hold line breaks and tabs but no other control characters"
    }
  }

  /// `U+001B`: a scalar as its code point, never as itself.
  static func label(_ scalar: Unicode.Scalar) -> String {
    let digits = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
