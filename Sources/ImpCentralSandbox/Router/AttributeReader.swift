import ImpCentral

/// Typed access to request attributes; a value of the wrong type is a 400 naming it.
struct AttributeReader {
  let attributes: [String: JSONValue]

  init(_ input: ResourceInput) { attributes = input.attributes }

  /// Whether `name` was given (even as null).
  func has(_ name: String) -> Bool { attributes[name] != nil }

  /// A string of `range` characters, or nil when absent.
  func string(_ name: String, length range: ClosedRange<Int>) throws -> String? {
    guard let value = attributes[name] else { return nil }
    guard let text = value.stringValue, range.contains(text.count) else {
      throw APIError.invalidAttribute(
        name, "must be a string of \(range.lowerBound) to \(range.upperBound) characters")
    }
    return text
  }

  /// A string of `range` characters that `rule` accepts (see `TextRule`), or nil when
  /// absent; a control character is a 400 `VX017` naming the attribute.
  func text(_ name: String, _ rule: TextRule, length range: ClosedRange<Int>) throws -> String? {
    guard let text = try string(name, length: range) else { return nil }
    if let refused = rule.firstRefused(in: text) {
      throw APIError.controlCharacter(name, rule, refused.scalar, at: refused.position)
    }
    return text
  }

  /// Like `text`, but null is allowed and comes back as `.some(nil)`.
  func nullableText(
    _ name: String, _ rule: TextRule, length range: ClosedRange<Int>
  ) throws -> String?? {
    guard let value = attributes[name] else { return nil }
    if value.isNull { return .some(nil) }
    return .some(try text(name, rule, length: range))
  }

  /// A string, null, or nil when absent; null comes back as `.some(nil)`.
  func nullableString(_ name: String, length range: ClosedRange<Int>) throws -> String?? {
    guard let value = attributes[name] else { return nil }
    if value.isNull { return .some(nil) }
    return .some(try string(name, length: range))
  }

  /// A Boolean, or nil when absent.
  func bool(_ name: String) throws -> Bool? {
    guard let value = attributes[name] else { return nil }
    guard let flag = value.boolValue else {
      throw APIError.invalidAttribute(name, "must be true or false")
    }
    return flag
  }

  /// An array of strings, or nil when absent.
  func strings(_ name: String) throws -> [String]? {
    guard let value = attributes[name] else { return nil }
    guard let elements = value.arrayValue else {
      throw APIError.invalidAttribute(name, "must be an array of strings")
    }
    return try elements.map { element in
      guard let text = element.stringValue else {
        throw APIError.invalidAttribute(name, "must be an array of strings")
      }
      return text
    }
  }

  /// One of `choices`, or nil when absent.
  func choice(_ name: String, _ choices: [String]) throws -> String? {
    guard let value = attributes[name] else { return nil }
    guard let text = value.stringValue, choices.contains(text) else {
      throw APIError.invalidAttribute(name, "must be one of \(choices.joined(separator: ", "))")
    }
    return text
  }
}

/// Deployment tags: `[A-Za-z0-9_\-*.]+`, at most 500 characters in all.
enum Tags {
  /// Whether `tag` is a well-formed tag.
  static func isValid<Text: StringProtocol>(_ tag: Text) -> Bool {
    !tag.isEmpty
      && tag.unicodeScalars.allSatisfy { scalar in
        scalar.isASCII
          && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            || "_-*.".unicodeScalars.contains(scalar))
      }
  }

  /// Checks a whole tag list, throwing a 400 naming the attribute.
  static func check(_ tags: [String]) throws {
    guard tags.allSatisfy(isValid), tags.reduce(0, { $0 + $1.count }) <= 500 else {
      throw APIError.invalidAttribute(
        "tags", "must hold tags of letters, digits and _-*. only, at most 500 characters in all")
    }
  }
}
