/// Where the sandbox gets the random bytes behind its ids, tokens and keys.
///
/// The sandbox counts every draw and passes the count as `sequence`; the count is stored
/// with the data and rolled back with a failed request, so a seeded source gives the same
/// ids for the same requests, even across a restart.
public protocol IdentifierSource: Sendable {
  /// Returns `count` bytes for draw number `sequence`.
  func bytes(count: Int, sequence: UInt64) -> [UInt8]
}

/// Random bytes from the system's secure generator, for real use.
public struct RandomIdentifiers: IdentifierSource {
  /// Creates the source.
  public init() {}

  public func bytes(count: Int, sequence: UInt64) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
  }
}

/// Bytes that depend only on a seed and the draw number, so tests get stable ids.
public struct SeededIdentifiers: IdentifierSource {
  private let seed: UInt64

  /// Creates a source for `seed`.
  public init(seed: UInt64 = 1) {
    self.seed = seed
  }

  public func bytes(count: Int, sequence: UInt64) -> [UInt8] {
    var state = seed &+ sequence &* 0x9E37_79B9_7F4A_7C15
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count + 8)
    while bytes.count < count {
      let word = Self.splitMix(&state)
      for shift in stride(from: 0, to: 64, by: 8) {
        bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
      }
    }
    return Array(bytes.prefix(count))
  }

  /// One step of SplitMix64.
  private static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The shapes of the identifiers impCentral uses.
enum IdentifierFormat {
  /// 36 characters in UUID layout: `4e264cef-3316-cdfa-7f39-7a5d458994b3`.
  static func uuid(_ bytes: [UInt8]) -> String {
    let hex = Array(Hex.string(bytes.prefix(16)))
    let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32]
    return groups.map { String(hex[$0]) }.joined(separator: "-")
  }

  /// A MAC address in the Electric Imp range: `0c:2a:69:05:0d:62`.
  static func mac(_ bytes: [UInt8]) -> String {
    ([0x0c, 0x2a, 0x69] + bytes.prefix(3)).map { Hex.string([$0]) }.joined(separator: ":")
  }

  private static let agentAlphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")

  /// Twelve characters of `[A-Za-z0-9_-]`: `T1oUmIZ3At_N`.
  static func agentID(_ bytes: [UInt8]) -> String {
    String(bytes.prefix(12).map { agentAlphabet[Int($0 & 63)] })
  }
}

extension IdentifierFormat {
  /// An opaque bearer token of `length` URL-safe characters.
  static func token(_ bytes: [UInt8]) -> String {
    String(bytes.map { agentAlphabet[Int($0 & 63)] })
  }
}
