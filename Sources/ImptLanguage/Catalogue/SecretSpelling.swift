/// Decides whether an option word someone wrote may carry a secret, so that its value is
/// masked even when the word is not an option: a misspelling of a secret option, or a
/// secret short option with its value written onto it.
///
/// The rule errs on the side of masking. A word is taken for a secret option when its
/// name (without dashes, in any case):
/// - is within edit distance 1 of a secret option's long name of up to 3 letters (`pdw`,
///   `pw` for `pwd`; `lkk` for `lk`), or within 2 of a longer one (`unbnod`, `tokn`);
/// - or holds one of the words `pass`, `pwd`, `secret`, `token`, `key` or `unbond`
///   (`--password`, `--passwd`, `--login-key`).
///
/// A joined short option is a secret option's letter with more after it, `-wSECRET`.
public enum SecretSpelling {
  /// What a secret value is shown as, whatever its length.
  public static let mask = "***"

  /// The long names of the secret options of impt's commands.
  public static let standardNames: Set<String> = ["pwd", "lk", "unbond", "otp", "token"]

  /// Words that mark an option name as secret wherever they appear in it.
  static let secretWords = ["pass", "pwd", "secret", "token", "key", "unbond"]

  /// Whether the option name `name` (without dashes) reads as a secret option's.
  public static func resemblesSecret(_ name: String, secretNames: Set<String>) -> Bool {
    let lowered = name.lowercased()
    guard !lowered.isEmpty else { return false }
    if secretWords.contains(where: lowered.contains) { return true }
    let target = Array(lowered.unicodeScalars)
    return secretNames.contains { secret in
      let limit = secret.count <= 3 ? 1 : 2
      return Suggestion.distance(target, Array(secret.unicodeScalars)) <= limit
    }
  }

  /// The secret letter a short option word starts with when its value is joined onto it
  /// (`-wSECRET` → `w`), given the secret letters; nil for anything else.
  public static func joinedSecretLetter(
    _ word: String, secretLetters: Set<Character>
  ) -> Character? {
    guard word.count > 2, word.hasPrefix("-"), !word.hasPrefix("--") else { return nil }
    let letter = word[word.index(after: word.startIndex)]
    return secretLetters.contains(letter) ? letter : nil
  }
}
