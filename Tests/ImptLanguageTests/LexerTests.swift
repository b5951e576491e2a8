import Testing

@testable import ImptLanguage

/// A token as `kind@line:col-line:col`, for compact tables.
func describeToken(_ token: Token) -> String {
  let range = token.range
  let place = "\(range.start.line):\(range.start.column)-\(range.end.line):\(range.end.column)"
  return describeKind(token.kind) + "@" + place
}

func describeKind(_ kind: TokenKind) -> String {
  switch kind {
  case .word(let word): "word(\(word))"
  case .template(let parts): "tmpl(" + parts.map(describePart).joined(separator: ",") + ")"
  case .string(let string):
    (string.isDoubleQuoted ? "dq(" : "sq(") + string.parts.map(describePart).joined(separator: ",")
      + ")"
  case .variable(let path): "var(\(Parser.describe(path)))"
  case .pipe: "|"
  case .semicolon: ";"
  case .newline: "nl"
  case .openParen: "("
  case .closeParen: ")"
  case .openBrace: "{"
  case .closeBrace: "}"
  case .openBracket: "["
  case .closeBracket: "]"
  case .comma: ","
  case .invalid(let issue): "invalid(\(issue.kind))"
  case .end: "end"
  }
}

private func describePart(_ part: TemplatePart) -> String {
  switch part {
  case .text(let text): "'\(text)'"
  case .variable(let path): Parser.describe(path)
  case .code(let code, let range): "${\(code)}@\(range.start.line):\(range.start.column)"
  }
}

private func lex(_ text: String) -> [String] {
  Lexer.tokenize(text, file: "t").map(describeToken)
}

struct LexerTests {
  static let tokenTable: [(String, [String])] = [
    (
      "product create --name MyProduct",
      [
        "word(product)@1:1-1:8", "word(create)@1:9-1:15", "word(--name)@1:16-1:22",
        "word(MyProduct)@1:23-1:32", "end@1:32-1:32",
      ]
    ),
    ("-g MyDG", ["word(-g)@1:1-1:3", "word(MyDG)@1:4-1:8", "end@1:8-1:8"]),
    ("--descr=-5", ["word(--descr=-5)@1:1-1:11", "end@1:11-1:11"]),
    (
      "--descr=\"My product\"",
      ["word(--descr=)@1:1-1:9", "dq('My product')@1:9-1:21", "end@1:21-1:21"]
    ),
    ("'it is $x'", ["sq('it is $x')@1:1-1:11", "end@1:11-1:11"]),
    (
      "\"a $x.name b\"",
      ["dq('a ',$x.name,' b')@1:1-1:14", "end@1:14-1:14"]
    ),
    ("\"tab\\there\"", ["dq('tab\there')@1:1-1:12", "end@1:12-1:12"]),
    ("\"\\$5 \\u{e9}\"", ["dq('$5 é')@1:1-1:13", "end@1:13-1:13"]),
    ("$rc.tags[0]", ["var($rc.tags[0])@1:1-1:12", "end@1:12-1:12"]),
    ("$list[-1]", ["var($list[-1])@1:1-1:10", "end@1:10-1:10"]),
    ("$1 $args", ["var($1)@1:1-1:3", "var($args)@1:4-1:9", "end@1:9-1:9"]),
    ("dev-$i", ["tmpl('dev-',$i)@1:1-1:7", "end@1:7-1:7"]),
    ("$x:", ["tmpl($x,':')@1:1-1:4", "end@1:4-1:4"]),
    ("cost$", ["word(cost$)@1:1-1:6", "end@1:6-1:6"]),
    ("\\$x", ["word($x)@1:1-1:4", "end@1:4-1:4"]),
    (
      "\"n: ${$x | count}\"",
      ["dq('n: ',${$x | count}@1:7)@1:1-1:19", "end@1:19-1:19"]
    ),
    (
      "a|b;c",
      [
        "word(a)@1:1-1:2", "|@1:2-1:3", "word(b)@1:3-1:4", ";@1:4-1:5", "word(c)@1:5-1:6",
        "end@1:6-1:6",
      ]
    ),
    (
      "[1, 2]",
      ["[@1:1-1:2", "word(1)@1:2-1:3", ",@1:3-1:4", "word(2)@1:5-1:6", "]@1:6-1:7", "end@1:7-1:7"]
    ),
    (
      "{name: x}",
      ["{@1:1-1:2", "word(name:)@1:2-1:7", "word(x)@1:8-1:9", "}@1:9-1:10", "end@1:10-1:10"]
    ),
    ("(x)", ["(@1:1-1:2", "word(x)@1:2-1:3", ")@1:3-1:4", "end@1:4-1:4"]),
    (
      "echo a # a comment\necho b",
      [
        "word(echo)@1:1-1:5", "word(a)@1:6-1:7", "nl@1:19-2:1", "word(echo)@2:1-2:5",
        "word(b)@2:6-2:7", "end@2:7-2:7",
      ]
    ),
    ("#!/usr/bin/env imptsh", ["end@1:22-1:22"]),
    (
      "dg create \\\n  --name X",
      [
        "word(dg)@1:1-1:3", "word(create)@1:4-1:10", "word(--name)@2:3-2:9", "word(X)@2:10-2:11",
        "end@2:11-2:11",
      ]
    ),
    ("{me}{MyProduct}{MyDG}", ["word({me}{MyProduct}{MyDG})@1:1-1:22", "end@1:22-1:22"]),
    ("0c:2a:69:05:0d:62", ["word(0c:2a:69:05:0d:62)@1:1-1:18", "end@1:18-1:18"]),
    ("http://h/p?a=b#top", ["word(http://h/p?a=b#top)@1:1-1:19", "end@1:19-1:19"]),
    ("<device_id>", ["word(<device_id>)@1:1-1:12", "end@1:12-1:12"]),
    ("né x", ["word(né)@1:1-1:3", "word(x)@1:4-1:5", "end@1:5-1:5"]),
    ("a\r\nb", ["word(a)@1:1-1:2", "nl@1:3-2:1", "word(b)@2:1-2:2", "end@2:2-2:2"]),
    ("\"abc", ["invalid(unterminatedString(quote: \"\\\"\"))@1:1-1:5", "end@1:5-1:5"]),
    ("'abc", ["invalid(unterminatedString(quote: \"\\'\"))@1:1-1:5", "end@1:5-1:5"]),
    ("x${y", ["invalid(unterminatedInterpolation)@1:1-1:5", "end@1:5-1:5"]),
    ("echo \\", ["word(echo)@1:1-1:5", "invalid(continuationAtEnd)@1:6-1:7", "end@1:7-1:7"]),
    (
      "a\u{7}b",
      [
        "word(a)@1:1-1:2", "invalid(unexpectedCharacter(\"\\u{07}\"))@1:2-1:3", "word(b)@1:3-1:4",
        "end@1:4-1:4",
      ]
    ),
  ]

  @Test(arguments: tokenTable)
  func tokensCarryTheirKindAndRange(input: String, expected: [String]) {
    #expect(lex(input) == expected)
  }

  @Test func tokensKnowWhetherSpaceComesBefore() {
    let tokens = Lexer.tokenize("--name=\"x\" y", file: "t")
    #expect(tokens.map(\.spaceBefore) == [true, false, true, true])
  }

  @Test func unknownEscapeKeepsTheTextAndRecordsAnIssue() {
    let tokens = Lexer.tokenize("\"a\\qb\"", file: "t")
    guard case .string(let string) = tokens[0].kind else {
      Issue.record("expected a string")
      return
    }
    #expect(string.parts == [.text("a\\qb")])
    #expect(string.issues.map(\.kind) == [.unknownEscape("q")])
    #expect(string.issues.first?.range.start.column == 3)
  }

  @Test func braceGroupsOnlyFormAWordWhenThereAreTwoOrMore() {
    #expect(lex("{a}")[0] == "{@1:1-1:2")
    #expect(lex("{a} {b}")[0] == "{@1:1-1:2")
    #expect(lex("{}{x}")[0] == "word({}{x})@1:1-1:6")
  }

  @Test func interpolationSkipsBracesInsideStrings() {
    let tokens = Lexer.tokenize("\"${echo \"}\"}\"", file: "t")
    #expect(describeToken(tokens[0]) == "dq(${echo \"}\"}@1:4)@1:1-1:14")
  }

  @Test func lexingStartsAtTheGivenPosition() {
    let tokens = Lexer.tokenize("x", file: "f", start: SourcePosition(line: 4, column: 9))
    #expect(describeToken(tokens[0]) == "word(x)@4:9-4:10")
    #expect(tokens[0].range.file == "f")
  }
}
