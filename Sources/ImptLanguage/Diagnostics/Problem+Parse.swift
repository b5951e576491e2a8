/// The parse messages of the catalogue: each function gives one message, with its stable
/// `parse.` id, text and help written out in its body.
extension Problem {
  static func lexical(_ issue: LexIssue) -> Problem {
    switch issue.kind {
    case .unterminatedString(let quote): unterminatedString(quote: quote)
    case .unterminatedInterpolation: unterminatedInterpolation
    case .unknownEscape(let character): unknownEscape(character)
    case .badUnicodeEscape: badUnicodeEscape
    case .unexpectedCharacter(let scalar): unexpectedCharacter(scalar)
    case .continuationAtEnd: continuationAtEnd
    }
  }

  static func unterminatedString(quote: Character) -> Problem {
    Problem(
      "parse.unterminatedString", "expected \(quote) to end this string",
      help: ["Add the closing \(quote) where the text ends."], unfinished: true)
  }

  static let unterminatedInterpolation = Problem(
    "parse.unterminatedInterpolation", "expected '}' to end this '${'",
    help: ["Close the substitution with '}'."], unfinished: true)

  static func unknownEscape(_ character: Character) -> Problem {
    Problem(
      "parse.unknownEscape", "unknown escape '\\\(character)' in a string",
      help: [
        "Write '\\\\' for a backslash; the escapes are "
          + "\\n, \\t, \\r, \\0, \\\", \\$, \\' and \\u{…}."
      ])
  }

  static let badUnicodeEscape = Problem(
    "parse.badUnicodeEscape", "expected a hexadecimal code point in braces after '\\u'",
    help: ["Write a code point as '\\u{1F600}'."])

  static func unexpectedCharacter(_ scalar: Unicode.Scalar) -> Problem {
    let code = String(scalar.value, radix: 16, uppercase: true)
    let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
    return Problem(
      "parse.unexpectedCharacter", "unexpected control character U+\(padded)",
      help: ["Remove it; outside strings only spaces, tabs and newlines may separate words."])
  }

  static let continuationAtEnd = Problem(
    "parse.continuationAtEnd", "expected another line after '\\'", unfinished: true)

  static func unclosed(_ open: String, _ close: String) -> Problem {
    let name = ["(": "Paren", "[": "Bracket", "{": "Brace"][open] ?? "Brace"
    return Problem(
      "parse.unclosed\(name)", "expected '\(close)' to match this '\(open)'",
      help: ["Add '\(close)' where the \(open == "{" ? "block" : "group") ends."],
      unfinished: true)
  }

  static func unexpectedCloser(_ closer: String) -> Problem {
    Problem(
      "parse.unexpectedCloser", "unexpected '\(closer)' with nothing open to close",
      help: ["Remove it, or add the opening bracket it belongs to."])
  }

  static let trailingPipe = Problem(
    "parse.trailingPipe", "expected a command or filter after '|'", unfinished: true)

  static func missingStage(found: String) -> Problem {
    let help = found == "'|'" ? ["Join conditions with 'or': 'where a or b'."] : []
    return Problem(
      "parse.missingStage", "expected a command or filter after '|', found \(found)",
      help: help)
  }

  static func expectedValue(found: String) -> Problem {
    Problem("parse.expectedValue", "expected a value, found \(found)")
  }

  static func expectedCommand(found: String) -> Problem {
    Problem(
      "parse.expectedCommand", "expected a command, found \(found)",
      help: ["Start a statement with a command such as 'device list', or with a value."])
  }

  static func bareWord(_ word: String) -> Problem {
    let spaced = ["==", "!=", "<=", ">=", "=~", "<", ">"].contains { word.contains($0) }
    let help =
      spaced
      ? "Put spaces around operators: 'online == true'."
      : "Quote text in a condition: \"\(word)\"."
    return Problem("parse.bareWord", "'\(word)' is not a value or a field name", help: [help])
  }

  static func expected(
    _ what: String, after: String, found: String?, hint: String? = nil
  ) -> Problem {
    let tail = found.map { ", found \($0)" } ?? ""
    return Problem(
      "parse.expectedToken", "expected \(what) after \(after)\(tail)", help: hint.map { [$0] } ?? []
    )
  }

  static func unexpectedToken(_ found: String) -> Problem {
    Problem(
      "parse.unexpectedToken", "unexpected \(found) after the end of the statement",
      help: ["Separate statements with a newline or ';'."])
  }

  static func dangling(_ keyword: String, owner: String) -> Problem {
    Problem(
      "parse.danglingKeyword", "'\(keyword)' must follow the '}' of \(owner)",
      help: ["Put '\(keyword)' on the same line as the '}' before it."])
  }

  static func notAStage(_ keyword: String) -> Problem {
    Problem(
      "parse.notAStage", "'\(keyword)' starts a statement and cannot follow '|'",
      help: ["Start a new statement on a new line or after ';'."])
  }

  static func badRecordKey(found: String) -> Problem {
    Problem(
      "parse.badRecordKey", "expected a field name and ':' in the record, found \(found)",
      help: ["Write fields as 'name: value', separated by commas."])
  }

  static let tooDeep = Problem(
    "parse.tooDeep", "the input nests more than \(Parser.depthLimit) levels deep",
    help: ["Split the expression into steps with 'let'."])
}
