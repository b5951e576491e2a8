/// Finds the closest of some candidates to a misspelt word, for "did you mean" help.
///
/// Public so that commands can suggest names of entities too (`device group 'MyDevD'
/// was not found`, did you mean 'MyDevDG'?).
public enum Suggestion {
  /// The candidate closest to `word`, or nil when none is close: a case change, one
  /// slip in a short word, up to three in a long one.
  public static func closest(to word: String, in candidates: [String]) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    guard !target.isEmpty, target.count <= 64 else { return nil }
    let limit = target.count <= 3 ? 1 : (target.count <= 6 ? 2 : 3)
    var best: (distance: Int, candidate: String)?
    for candidate in candidates where candidate != word {
      let distance = Self.distance(target, Array(candidate.lowercased().unicodeScalars))
      guard distance <= limit, distance < (best?.distance ?? Int.max) else { continue }
      best = (distance, candidate)
    }
    return best?.candidate
  }

  /// The one candidate that starts with `word` (ignoring case), for an abbreviated choice
  /// such as `prod` for `production`; nil when none or several do.
  static func onlyStarting(with word: String, in candidates: [String]) -> String? {
    let prefix = word.lowercased()
    guard !prefix.isEmpty else { return nil }
    let hits = candidates.filter { $0.lowercased().hasPrefix(prefix) && $0 != word }
    return hits.count == 1 ? hits[0] : nil
  }

  /// The optimal string alignment distance: insertions, deletions, substitutions and
  /// swaps of neighbours each count one. `nmae` is one from `name`.
  static func distance(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar]) -> Int {
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var before = [Int](repeating: 0, count: right.count + 1)
    var previous = Array(0...right.count)
    var current = [Int](repeating: 0, count: right.count + 1)
    for i in 1...left.count {
      current[0] = i
      for j in 1...right.count {
        let cost = left[i - 1] == right[j - 1] ? 0 : 1
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
          current[j] = Swift.min(current[j], before[j - 2] + 1)
        }
      }
      (before, previous, current) = (previous, current, before)
    }
    return previous[right.count]
  }
}
