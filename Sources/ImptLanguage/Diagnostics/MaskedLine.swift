/// A source line with secret spans replaced by a fixed `***`, and the way columns of the
/// original line map onto the shown one, so a caret still points at the right place.
///
/// ```
/// MaskedLine("auth login --pwd hunter2 -x", masking: [17..<24]).text
/// // "auth login --pwd *** -x"; offset 25 ('-x') is shown at 21
/// ```
struct MaskedLine {
  /// The line as shown.
  let text: String
  private let spans: [(original: Range<Int>, shown: Range<Int>)]

  /// Masks `spans` (0-based unicode-scalar offsets, end exclusive) of `line`.
  init(_ line: String, masking spans: [Range<Int>]) {
    let scalars = Array(line.unicodeScalars)
    var shown = String.UnicodeScalarView()
    var mapped: [(Range<Int>, Range<Int>)] = []
    var index = 0
    for span in Self.merged(spans) where span.lowerBound >= index {
      shown.append(contentsOf: scalars[index..<min(span.lowerBound, scalars.count)])
      let start = shown.count
      shown.append(contentsOf: SecretSpelling.mask.unicodeScalars)
      mapped.append((span, start..<shown.count))
      index = min(span.upperBound, scalars.count)
    }
    if index < scalars.count { shown.append(contentsOf: scalars[index...]) }
    text = String(shown)
    self.spans = mapped
  }

  /// Where the original offset `offset` is shown, as the start of a caret: inside a
  /// secret it is the start of the mask.
  func shownStart(of offset: Int) -> Int {
    shown(offset) { span, _ in span.shown.lowerBound }
  }

  /// Where the original offset `offset` is shown, as the end of a caret: inside a secret
  /// it is the end of the mask.
  func shownEnd(of offset: Int) -> Int {
    shown(offset) { span, offset in
      offset == span.original.lowerBound ? span.shown.lowerBound : span.shown.upperBound
    }
  }

  private func shown(_ offset: Int, inside: ((original: Range<Int>, shown: Range<Int>), Int) -> Int)
    -> Int
  {
    var shift = 0
    for span in spans {
      if offset < span.original.lowerBound { break }
      if offset < span.original.upperBound || offset == span.original.lowerBound {
        return inside(span, offset)
      }
      shift += span.shown.count - span.original.count
    }
    return offset + shift
  }

  /// The spans sorted, with overlapping ones joined.
  private static func merged(_ spans: [Range<Int>]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = result.last, span.lowerBound <= last.upperBound {
        result[result.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
      } else {
        result.append(span)
      }
    }
    return result
  }
}
