import Foundation
import ImpCentral
import ImptLanguage

/// The text of a recording: a replayable `.imptsh` script made of the entries that ran.
///
/// Destructive commands confirmed at the prompt get `--confirmed`; logins, logouts and
/// `record` statements are left out; a secret written out (`--unbond KEY`, or
/// `let pw = "…"` later given to `--pwd $pw`) becomes `$env.IMPTSH_UNBOND`, and the
/// comment at the top names the variables to set before replaying.
struct RecordingScript {
  /// The commands, to tell which are destructive and which options are secret.
  let catalogue: Catalogue
  /// The `use` lines that restore the context the recording started in.
  let header: [String]
  /// The entries that ran, oldest first.
  let entries: [RecordedEntry]

  /// The script's text, and the environment variables it reads secrets from.
  func rendered(recordedAt date: Date) -> (text: String, secrets: [String]) {
    let analyses = entries.map { EntryAnalysis($0, catalogue: catalogue) }
    var names = SecretNames()
    let edits = Self.edits(analyses, &names)
    let body = zip(entries, edits).compactMap { entry, edit in
      Self.cleaned(edit.applied(to: entry.text))
    }
    let text = (prologue(date, names) + header + body).map { $0 + "\n" }.joined()
    return (text, names.all.map(\.variable))
  }

  /// The changes each entry needs, naming the environment variables in `names`.
  private static func edits(
    _ analyses: [EntryAnalysis], _ names: inout SecretNames
  ) -> [SourceEdits] {
    var edits = Array(repeating: SourceEdits(), count: analyses.count)
    var replacedLiterals: Set<SourceRange> = []
    for (index, analysis) in analyses.enumerated() {
      for range in analysis.dropped { edits[index].replace(range, with: "") }
      for position in analysis.confirmations { edits[index].insert(" --confirmed", at: position) }
      for secret in analysis.secrets where !secret.isReference && !secret.isLeftOut {
        edits[index].replace(secret.range, with: names.reference(secret.option, secret.text))
      }
      for secret in analysis.secrets {
        guard let variable = secret.variable,
          let (owner, literal) = latest(variable, before: (index, secret.range), analyses),
          replacedLiterals.insert(literal.range).inserted
        else { continue }
        edits[owner].replace(literal.range, with: names.reference(secret.option, literal.text))
      }
    }
    return edits
  }

  private func prologue(_ date: Date, _ names: SecretNames) -> [String] {
    var lines = [
      "#!/usr/bin/env imptsh", "# recorded by imptsh on \(Timestamp.string(from: date))",
    ]
    guard !names.all.isEmpty else { return lines }
    lines.append("# before replaying, set the secrets this script reads from the environment:")
    lines += names.all.map { "#   \($0.variable)  (the value of --\($0.option))" }
    return lines
  }

  /// The last `let NAME = "text"` before a place, in this entry or an earlier one.
  private static func latest(
    _ name: String, before place: (entry: Int, range: SourceRange), _ analyses: [EntryAnalysis]
  ) -> (Int, EntryAnalysis.Literal)? {
    for index in stride(from: place.entry, through: 0, by: -1) {
      let candidates = analyses[index].literals.filter { literal in
        literal.name == name && (index < place.entry || literal.range.start < place.range.start)
      }
      if let literal = candidates.last { return (index, literal) }
    }
    return nil
  }

  /// The entry without its final newline, or nil when nothing but blanks and `;` is left.
  private static func cleaned(_ text: String) -> String? {
    let left = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard left.contains(where: { $0 != ";" && !$0.isWhitespace }) else { return nil }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty {
      lines.removeLast()
    }
    while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty {
      lines.removeFirst()
    }
    return lines.joined(separator: "\n")
  }
}

/// The environment variables a recording reads its secrets from: `IMPTSH_PWD`, and
/// `IMPTSH_PWD_2` for a second, different password.
struct SecretNames {
  /// One variable: its name, and the option whose value it holds.
  struct Entry {
    /// The variable's name: `IMPTSH_PWD`.
    var variable: String
    /// The option whose value it holds: `pwd`.
    var option: String
    /// The value as it was written at the prompt; never written to the file.
    var written: String
  }

  /// The variables so far, in the order they were first needed.
  private(set) var all: [Entry] = []

  /// `$env.NAME` for the value `written` of `--option`; the same value gets the same name.
  mutating func reference(_ option: String, _ written: String) -> String {
    if let known = all.first(where: { $0.option == option && $0.written == written }) {
      return "$env." + known.variable
    }
    let base = "IMPTSH_" + option.uppercased().replacingOccurrences(of: "-", with: "_")
    let taken = all.filter { $0.option == option }.count
    let variable = taken == 0 ? base : base + "_\(taken + 1)"
    all.append(Entry(variable: variable, option: option, written: written))
    return "$env." + variable
  }
}
