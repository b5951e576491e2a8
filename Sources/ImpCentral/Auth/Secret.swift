/// A password, key or token that must never be shown.
///
/// Printing, interpolating, dumping or reflecting a secret shows `<redacted>`; only
/// `revealed` gives the text, for the one place that must send or store it.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  /// The secret text. Use it only to put the secret on the wire or in a 0600 file.
  public let revealed: String

  /// Wraps `text`.
  public init(_ text: String) {
    revealed = text
  }

  /// Whether the secret is empty.
  public var isEmpty: Bool { revealed.isEmpty }

  /// What any description of a secret shows.
  public static let mask = "<redacted>"

  public var description: String { Self.mask }
  public var debugDescription: String { Self.mask }
  public var customMirror: Mirror { Mirror(self, children: [:]) }
}
