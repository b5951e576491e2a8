import Foundation
import ImpCentral

/// JSON text already encoded, spliced into a document as it is.
///
/// Resources are written straight to bytes (see `Render`), so a page of 100 devices is
/// encoded once, without building and sorting dictionaries for every row.
struct JSONFragment {
  var bytes: [UInt8]

  /// The encoding of `value`.
  init(_ value: JSONValue) {
    var writer = JSONWriter()
    writer.write(value)
    bytes = writer.bytes
  }

  /// Wraps bytes that already hold one JSON value.
  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The text as data.
  var data: Data { Data(bytes) }
}

extension JSONWriter {
  /// Appends encoded JSON as it is.
  mutating func write(_ fragment: JSONFragment) {
    append(fragment.bytes)
  }

  /// Appends an object from key-value pairs, sorted by key like every other object.
  mutating func writeMembers(_ pairs: [(String, JSONValue)]) {
    var pairs = pairs
    if !zip(pairs, pairs.dropFirst()).allSatisfy({ $0.0 < $1.0 }) {
      pairs.sort { $0.0 < $1.0 }
    }
    append("{")
    for (index, pair) in pairs.enumerated() {
      if index > 0 { append(",") }
      write(.string(pair.0))
      append(":")
      write(pair.1)
    }
    append("}")
  }

  /// Appends `"key":`, with a leading comma unless it is the first member.
  mutating func key(_ name: String, first: Bool = false) {
    if !first { append(",") }
    write(.string(name))
    append(":")
  }
}
