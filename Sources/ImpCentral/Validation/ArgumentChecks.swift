/// Checks of single arguments, made before any request is sent.
enum ArgumentChecks {
  /// Refuses an empty or blank id, naming the argument.
  static func id(_ value: String, _ argument: String) throws(ImpCentralError) {
    guard value.contains(where: { !$0.isWhitespace }) else {
      throw .invalidArgument(argument, "expected a non-empty \(argument)")
    }
  }

  /// Refuses an empty list of ids, or any empty id in it.
  static func ids(_ values: [String], _ argument: String) throws(ImpCentralError) {
    guard !values.isEmpty else {
      throw .invalidArgument(argument, "expected at least one \(argument)")
    }
    for value in values { try id(value, argument) }
  }

  /// Refuses an empty secret without showing it.
  static func secret(_ value: Secret, _ argument: String) throws(ImpCentralError) {
    guard !value.isEmpty else {
      throw .invalidArgument(argument, "expected a non-empty \(argument)")
    }
  }

  /// Refuses an empty name.
  static func name(_ value: String, _ argument: String) throws(ImpCentralError) {
    guard value.contains(where: { !$0.isWhitespace }) else {
      throw .invalidArgument(argument, "expected a non-empty value for '\(argument)'")
    }
  }

  /// Refuses a name attribute that is not a non-empty string.
  static func name(_ value: JSONValue, _ argument: String) throws(ImpCentralError) {
    guard let text = value.stringValue else {
      throw .invalidArgument(argument, "expected a string for '\(argument)'")
    }
    try name(text, argument)
  }

  /// Refuses tags outside `[A-Za-z0-9_\-*.]+`.
  static func tags(_ tags: [String], _ argument: String) throws(ImpCentralError) {
    for tag in tags where !isValidTag(tag) {
      throw .invalidArgument(
        argument,
        "expected tags made of letters, digits, '_', '-', '*' and '.', got '\(tag)'")
    }
  }

  private static func isValidTag(_ tag: String) -> Bool {
    !tag.isEmpty
      && tag.unicodeScalars.allSatisfy { scalar in
        scalar.isASCII
          && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            || "_-*.".unicodeScalars.contains(scalar))
      }
  }
}
