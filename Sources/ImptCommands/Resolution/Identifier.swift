import ImpCentral

/// What the user typed to name an entity, read as impt reads it.
///
/// `{me}{MyProduct}{MyDG}` names a device group inside a product inside an account;
/// anything else is a single identifier (id, name, MAC, tag…).
struct Identifier: Sendable, Hashable {
  /// The text as typed.
  let text: String
  /// The parts of a hierarchical identifier, outermost first; empty for a plain one.
  let parts: [String]

  /// Reads `text`, expecting `depth` parts when it is hierarchical (2 or 3).
  init(_ text: String, depth: Int) {
    self.text = text
    guard text.hasPrefix("{"), text.hasSuffix("}"), text.count >= 2 else {
      parts = []
      return
    }
    let inner = text.dropFirst().dropLast()
    let pieces = inner.components(separatedBy: "}{")
    parts =
      pieces.count == depth && !pieces.contains(where: { $0.contains(where: "{}".contains) })
      ? pieces : []
  }

  /// Whether the text is hierarchical.
  var isHierarchical: Bool { !parts.isEmpty }

  /// Whether `text` has the shape of an impCentral UUID-style id, or is an id a dry run
  /// made up, so that later steps of the run can name what it planned by id.
  static func looksLikeID(_ text: String) -> Bool {
    if ExecutionMode.isPlannedID(text) { return true }
    let groups = text.split(separator: "-", omittingEmptySubsequences: false)
    guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
    return text.allSatisfy { $0 == "-" || $0.isHexDigit }
  }
}
