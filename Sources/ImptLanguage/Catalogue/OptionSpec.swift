import ImpCentral

/// One option of a command.
public struct OptionSpec: Sendable, Hashable {
  /// The long name without dashes: `dg-type`.
  public var name: String
  /// The one-letter alias impt uses: `y` for `--dg-type`.
  public var short: Character?
  public var kind: OptionKind
  public var requirement: Requirement
  /// A placeholder for help and synopsis: `DEVICE_GROUP`.
  public var placeholder: String
  /// One line for help, lowercase, no final period.
  public var summary: String
  /// The kind of entity the value identifies, for completion and resolution.
  public var identifies: ResourceKind?
  /// Whether the value is a secret (password, login key, unbond key, token): never
  /// written to history, recordings, logs or error messages.
  public var isSecret: Bool

  /// Creates an option.
  public init(
    _ name: String,
    short: Character? = nil,
    kind: OptionKind = .text(),
    requirement: Requirement = .optional,
    placeholder: String = "",
    summary: String,
    identifies: ResourceKind? = nil,
    isSecret: Bool = false
  ) {
    self.name = name
    self.short = short
    self.kind = kind
    self.requirement = requirement
    self.placeholder = placeholder
    self.summary = summary
    self.identifies = identifies
    self.isSecret = isSecret
  }
}

/// The kind of value an option takes.
public enum OptionKind: Sendable, Hashable {
  /// One word; `allowsEmpty` lets `""` through (to clear a description).
  case text(allowsEmpty: Bool = false)
  /// Presence means true; `--flag false` turns it off.
  case flag
  /// Bare means true; a following `true` or `false` is its value; absent means unset.
  case toggle
  /// A whole number of at least `minimum`.
  case integer(minimum: Int = 1)
  /// One of a fixed set of words.
  case choice([String])
  /// Repeatable: each occurrence adds a value.
  case textList
  /// Repeatable, each value one of a fixed set.
  case choiceList([String])
}

/// Whether an option must be given.
public enum Requirement: Sendable, Hashable {
  case optional
  case required
  /// Required unless the session context (`use product`, `use dg`, `.impt.project`)
  /// supplies it.
  case fromContext(ContextSlot)
}

/// A piece of session context that can stand in for an option.
public enum ContextSlot: String, Sendable, Hashable {
  case product
  case deviceGroup = "dg"
}
