import ImptLanguage

/// Refuses a secret option whose value is the mask history puts in its place.
///
/// A line recalled from history comes back as `auth login --user u --pwd ***`; sent as it
/// is, `***` would be tried as the password (a failed login, and a step towards a
/// lockout). The check reads the command's spec, so every secret option of every
/// command is covered at once.
enum MaskedSecret {
  /// What history writes instead of a secret; the shell's history redactor writes the
  /// same text.
  static let mask = "***"

  /// Options that ask for their value at a terminal when left out.
  private static let asked: Set<String> = ["pwd", "otp"]

  /// Throws when a secret option of `invocation` holds the history mask.
  static func check(_ invocation: Invocation) throws {
    for option in invocation.command.options where option.isSecret {
      guard invocation.arguments[option.name] == .string(mask) else { continue }
      throw refusal(option.name)
    }
  }

  private static func refusal(_ name: String) -> CommandError {
    let leaveOut = asked.contains(name) ? ", or leave --\(name) out to be asked for it" : ""
    return CommandError(
      "command.maskedSecret",
      "the value of '--\(name)' was hidden when this line went into history",
      help: ["Type the line again with the real value\(leaveOut)."])
  }
}
