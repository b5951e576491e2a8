import ImptLanguage

/// Masks the values of secret options in an entry before it reaches the history file.
///
/// A secret option's value becomes `***` whatever its quoting, and in the `--opt=value`
/// form too; everything else in the entry stays as typed:
///
///     auth login --user me --pwd "pa ss"   →   auth login --user me --pwd ***
///     loginkey delete --lk=abc12           →   loginkey delete --lk=***
///
/// Some spellings are secret everywhere (`--pwd`); others only in some commands (`-u` is
/// the unbond key of `dg unassign` but the user of `auth login`). The redactor errs on the
/// side of masking: the word after a secret option is masked even when it looks like
/// another option, and so is the value after a word that is no option but reads as a
/// secret one (`--pdw`, `--password`; see `SecretSpelling`) and the value joined onto a
/// secret short option:
///
///     auth login --user me --pdw hunter2   →   auth login --user me --pdw ***
///     auth login -u me -whunter2           →   auth login -u me -w***
public struct HistoryRedactor: Sendable {
  /// What a secret value is replaced with.
  public static let mask = "***"

  /// The secret spellings of impt's commands: passwords, login keys, unbond keys,
  /// one-time passwords and tokens.
  public static let standard = HistoryRedactor(
    secretOptions: ["--pwd", "-w", "--lk", "-k", "--unbond", "--otp", "--token"],
    commandSecretOptions: ["device unassign": ["-u"], "dg unassign": ["-u"]]
  )

  private let everywhere: Set<String>
  private let byCommand: [String: Set<String>]
  /// Spellings of options whose values are not secret, which never count as misspelt.
  private let known: Set<String>
  /// The long names of secret options, without dashes, for spotting misspellings.
  private let secretNames: Set<String>

  /// Creates a redactor from option spellings (`--pwd`, `-w`).
  ///
  /// - Parameters:
  ///   - secretOptions: spellings whose value is secret in every command.
  ///   - commandSecretOptions: spellings secret only in the named commands, keyed by the
  ///     command's full name (`dg unassign`).
  public init(secretOptions: [String], commandSecretOptions: [String: [String]] = [:]) {
    everywhere = Set(secretOptions)
    byCommand = commandSecretOptions.mapValues(Set.init)
    known = []
    secretNames = Set(
      secretOptions.filter { $0.hasPrefix("--") }.map { String($0.dropFirst(2)) })
  }

  /// Creates a redactor from the catalogue's secret options, plus `standard`'s spellings.
  ///
  /// A spelling that is secret in every command that has it is masked everywhere, so an
  /// entry whose command cannot be recognised still loses its secrets.
  public init(catalogue: [CommandSpec]) {
    var secret: [String: Set<String>] = [:]
    var plain: Set<String> = []
    for command in catalogue {
      for option in command.options {
        for spelling in Self.spellings(of: option) {
          if option.isSecret {
            secret[spelling, default: []].insert(command.name)
          } else {
            plain.insert(spelling)
          }
        }
      }
    }
    var everywhere = Self.standard.everywhere
    var byCommand = Self.standard.byCommand
    for (spelling, commands) in secret {
      if plain.contains(spelling) {
        for command in commands { byCommand[command, default: []].insert(spelling) }
      } else {
        everywhere.insert(spelling)
      }
    }
    self.everywhere = everywhere
    self.byCommand = byCommand
    known = plain
    secretNames = Self.standard.secretNames.union(
      catalogue.flatMap(\.options).filter(\.isSecret).map(\.name))
  }

  /// The entry with every secret value masked, or nil when the entry is blank.
  public func redact(_ entry: String) -> String? {
    guard entry.contains(where: { !$0.isWhitespace }) else { return nil }

    var replacements: [(Range<String.Index>, String)] = []
    for words in ShellWords(entry).segments {
      replacements += secretValues(in: words, of: entry)
    }

    var result = entry
    for (range, text) in replacements.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
      result.replaceSubrange(range, with: text)
    }
    return result
  }

  private func secretValues(
    in words: [ShellWords.Word], of entry: String
  ) -> [(Range<String.Index>, String)] {
    var found: [(Range<String.Index>, String)] = []
    for (index, word) in words.enumerated() {
      let secrets = secretSpellings(before: index, in: words)
      let next = index + 1 < words.count ? words[index + 1] : nil
      if secrets.contains(word.text) {
        if let next { found.append((next.range, Self.mask)) }
      } else if let spelling = secrets.first(where: { word.text.hasPrefix($0 + "=") }) {
        found.append(Self.maskAfterEquals(word, spelling: spelling, in: entry))
      } else if let masked = maskUnlisted(word, next: next, secrets: secrets, in: entry) {
        found.append(masked)
      }
    }
    return found
  }

  /// The mask for a word that is no secret spelling but carries or precedes a secret:
  /// a misspelt secret option (`--pdw x`, `--pdw=x`) or a joined short one (`-wx`).
  private func maskUnlisted(
    _ word: ShellWords.Word, next: ShellWords.Word?, secrets: Set<String>, in entry: String
  ) -> (Range<String.Index>, String)? {
    let text = word.text
    guard text.hasPrefix("-"), !known.contains(text) else { return nil }
    if text.hasPrefix("--") {
      let spelling = String(text.prefix { $0 != "=" })
      guard !known.contains(spelling),
        SecretSpelling.resemblesSecret(String(spelling.dropFirst(2)), secretNames: secretNames)
      else { return nil }
      if spelling != text { return Self.maskAfterEquals(word, spelling: spelling, in: entry) }
      return next.map { ($0.range, Self.mask) }
    }
    let letters = Set(secrets.filter { $0.count == 2 && !$0.hasPrefix("--") }.compactMap(\.last))
    guard let letter = SecretSpelling.joinedSecretLetter(text, secretLetters: letters) else {
      return nil
    }
    let spelling = "-" + String(letter)
    let raw = entry[word.range]
    guard raw.hasPrefix(spelling) else { return (word.range, spelling + Self.mask) }
    return (raw.index(raw.startIndex, offsetBy: 2)..<word.range.upperBound, Self.mask)
  }

  /// The spellings that are secret at `index`: the global ones, plus those of any command
  /// named by two adjacent words before it.
  private func secretSpellings(before index: Int, in words: [ShellWords.Word]) -> Set<String> {
    guard index >= 2, !byCommand.isEmpty else { return everywhere }
    var result = everywhere
    for start in 0..<(index - 1) {
      let name = words[start].text + " " + words[start + 1].text
      if let spellings = byCommand[name] { result.formUnion(spellings) }
    }
    return result
  }

  private static func maskAfterEquals(
    _ word: ShellWords.Word, spelling: String, in entry: String
  ) -> (Range<String.Index>, String) {
    let raw = entry[word.range]
    if raw.hasPrefix(spelling + "="),
      let equals = raw.firstIndex(of: "=")
    {
      return (raw.index(after: equals)..<word.range.upperBound, mask)
    }
    return (word.range, spelling + "=" + mask)
  }

  private static func spellings(of option: OptionSpec) -> [String] {
    ["--" + option.name] + (option.short.map { ["-" + String($0)] } ?? [])
  }
}
