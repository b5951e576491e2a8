/// One token of imptsh source, with where it stands.
public struct Token: Sendable, Hashable {
  public var kind: TokenKind
  public var range: SourceRange
  /// Whether whitespace, a comment or the start of a line comes right before the token;
  /// tokens written together (`--name=` and `"x"`) form one argument.
  public var spaceBefore: Bool

  /// Creates a token.
  public init(_ kind: TokenKind, range: SourceRange, spaceBefore: Bool) {
    self.kind = kind
    self.range = range
    self.spaceBefore = spaceBefore
  }
}

/// What a token is.
public enum TokenKind: Sendable, Hashable {
  /// A bare word: `product`, `--name`, `-g`, `12`, `==`, `0c:2a:69:05:0d:62`, `{me}{P}`.
  case word(String)
  /// A bare word with `$` substitutions in it: `dev-$i`.
  case template([TemplatePart])
  /// A quoted string; single-quoted strings hold one text part.
  indirect case string(QuotedString)
  /// A variable reference standing alone: `$x`, `$x.tags[0]`, `$1`.
  indirect case variable(VariablePath)
  case pipe
  case semicolon
  case newline
  case openParen
  case closeParen
  case openBrace
  case closeBrace
  case openBracket
  case closeBracket
  case comma
  /// Text the lexer could not read; the issue says why.
  indirect case invalid(LexIssue)
  case end
}

/// A quoted string as written.
public struct QuotedString: Sendable, Hashable {
  /// The text and substitutions, in order.
  public var parts: [TemplatePart]
  /// Whether the string used double quotes, which interpolate.
  public var isDoubleQuoted: Bool
  /// Unknown escapes and other mistakes inside the string.
  public var issues: [LexIssue]

  /// Creates a quoted string.
  public init(parts: [TemplatePart], isDoubleQuoted: Bool, issues: [LexIssue] = []) {
    self.parts = parts
    self.isDoubleQuoted = isDoubleQuoted
    self.issues = issues
  }
}

/// A piece of a string or word that may interpolate.
public enum TemplatePart: Sendable, Hashable {
  case text(String)
  /// `$name.field[0]` inside the text.
  case variable(VariablePath)
  /// `${…}`: the source between the braces, which the parser reads as a pipeline, and
  /// where that source starts.
  case code(String, SourceRange)
}

/// A variable reference with its path: `$rc.tags[0]`.
public struct VariablePath: Sendable, Hashable {
  public var root: VariableRoot
  public var components: [PathComponent]
  /// The whole reference, from `$` to its last component.
  public var range: SourceRange

  /// Creates a reference.
  public init(root: VariableRoot, components: [PathComponent], range: SourceRange) {
    self.root = root
    self.components = components
    self.range = range
  }
}

/// What a variable reference starts from.
public enum VariableRoot: Sendable, Hashable {
  /// `$name`.
  case named(String)
  /// `$1`: a script argument.
  case positional(Int)
}

/// One step of a path: `.field` or `[index]`.
public struct PathComponent: Sendable, Hashable {
  /// The kind of step.
  public enum Kind: Sendable, Hashable {
    case field(String)
    /// A list index; negative counts from the end.
    case index(Int)
  }

  public var kind: Kind
  public var range: SourceRange

  /// Creates a path step.
  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// A mistake the lexer found and stepped over.
public struct LexIssue: Sendable, Hashable {
  /// What went wrong.
  public enum Kind: Sendable, Hashable {
    /// The input ended inside a string opened with `quote`.
    case unterminatedString(quote: Character)
    /// The input ended inside `${…}`.
    case unterminatedInterpolation
    /// A backslash before a character that has no escape meaning.
    case unknownEscape(Character)
    /// `\u{…}` without a valid hexadecimal code point.
    case badUnicodeEscape
    /// A control character outside a string.
    case unexpectedCharacter(Unicode.Scalar)
    /// A `\` at the very end of the input, which asks for another line.
    case continuationAtEnd
  }

  public var kind: Kind
  public var range: SourceRange

  /// Creates an issue.
  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// Whether the issue means the input stopped early, so more lines would finish it.
  public var isUnfinished: Bool {
    switch kind {
    case .unterminatedString, .unterminatedInterpolation, .continuationAtEnd: true
    default: false
    }
  }
}
