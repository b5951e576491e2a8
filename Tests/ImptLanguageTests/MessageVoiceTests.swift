import ImpCentral
import Testing

@testable import ImptLanguage

/// Every message of the catalogue, built with sample values.
private let samples: [Problem] = {
  let option = FakeCatalogue.option("name", "n")
  let slot = ContextSlot.deviceGroup
  let unreadable = FakeError(id: "session.cannotRead", message: "cannot read 'f'")
  let range = SourceRange(
    file: "f", start: .init(line: 1, column: 1), end: .init(line: 1, column: 2))
  let parse: [Problem] = [
    .unterminatedString(quote: "\""), .unterminatedInterpolation, .unknownEscape("q"),
    .badUnicodeEscape, .unexpectedCharacter("\u{7}"), .continuationAtEnd, .unclosed("(", ")"),
    .unclosed("[", "]"), .unclosed("{", "}"), .unexpectedCloser(")"), .trailingPipe,
    .missingStage(found: "'|'"), .expectedValue(found: "'x'"), .expectedCommand(found: "'-x'"),
    .bareWord("a==b"), .bareWord("xyz"), .expected("'='", after: "'let x'", found: "'3'"),
    .unexpectedToken("')'"), .dangling("else", owner: "an 'if' block"), .notAStage("let"),
    .badRecordKey(found: "':'"), .tooDeep, .lexical(LexIssue(.continuationAtEnd, range: range)),
  ]
  let check: [Problem] = [
    .unknownCommand("x", suggestion: "y"), .unknownVerb(group: "dg", verb: "x", verbs: ["a", "b"]),
    .missingVerb(group: "dg", verbs: ["a"]),
    .unknownOption("-device", command: "log get", suggestion: nil, longForm: "device"),
    .repeatedOption("name"), .missingOption(option, command: "dg create"), .missingValue("--name"),
    .badValue(option, found: "x", expected: "text"), .emptyValue(option),
    .unexpectedArgument("x", command: "dg create"), .noPipeInput("dg create"),
    .pipeConflict("dg", command: "dg restart"),
    .pipeKindMismatch(command: "dg restart", wants: .deviceGroup, input: .entity(.device)),
    .needsInput("count"), .unknownVariable("x", suggestion: "y"),
    .unavailableVariable("it", reason: "It is set inside filters."), .reservedName("status"),
    .unknownField("x", of: .entity(.device), suggestion: nil),
    .unknownFieldOrText("x", of: .entity(.device), suggestion: "y"), .fieldWithoutInput("x"),
    .noFields("x", of: .number), .notIndexable(.number), .notCondition(.string), .badExit("x"),
    .badCount("first", found: "x"), .badRegex("(", reason: "it does not compile"),
    .unknownHelpTopic("x", suggestion: nil), .unknownUseTarget("x"), .missingUseValue("dg"),
    .unexpectedUseValue(), .badRecordAction("x"), .sandboxOnly("sandbox add"),
    .sourceUnreadable("f", error: unreadable), .sourceCycle("f"), .explainNeedsCommand,
    .joinedShortOption("-w", value: "x", secret: true),
    .joinedShortOption("-n", value: "x", secret: false), .needsConfirmation("dg delete"),
    .textComparedWithScalar(.equal, type: .bool, text: "true"),
    .textComparedWithScalar(.equal, type: .bool, text: "yes"),
    .textComparedWithScalar(.notEqual, type: .number, text: "-50"),
  ]
  let run: [Problem] = [
    .commandFailed("dg create", detail: "boom"), .assertFailed(nil, condition: "$x"),
    .missingArgument(2, count: 1), .missingContext(slot, option: option, command: "dg info"),
    .badArgument(option, found: .number(1), expected: "text"), .emptyArgument(option),
    .notCondition(found: .string("x")), .cannotCompare(.less, .string("a"), .number(1)),
    .noFields("x", found: .number(1)), .notIndexable(found: .number(1)),
    .indexOutOfRange(3, count: 1), .badRegex("("), .badExit(found: .string("x")),
    .badCount("first", found: .string("x")), .interrupted,
    .sourceUnreadableAtRun("f", error: unreadable), .sourceDidNotCheck("f"),
    .sourceTooDeep, .pipeItem("dg restart", option: "dg", found: .number(1)),
    .unknownVariable("x"), .nullInText("$env.X"), .nullInText("$x.y"),
    .cannotCompare(.equal, .bool(true), .string("true")),
  ]
  return parse + check + run
}()

struct MessageVoiceTests {
  @Test(arguments: samples)
  func messagesFollowTheHouseVoice(problem: Problem) {
    let layers = ["parse.", "check.", "run."]
    #expect(layers.contains { problem.id.hasPrefix($0) }, "\(problem.id)")
    #expect(problem.id.split(separator: ".").count == 2)
    #expect(problem.message.first?.isUppercase == false, "\(problem.message)")
    #expect(!problem.message.hasSuffix("."), "\(problem.message)")
    for line in problem.help {
      let isQuestion = line.hasPrefix("did you mean '") && line.hasSuffix("'?")
      let isSentence = line.first?.isUppercase == true && line.hasSuffix(".")
      #expect(isQuestion || isSentence, "\(line)")
    }
  }

  @Test func onlyUnfinishedInputIsMarkedUnfinished() {
    let unfinished = samples.filter(\.isUnfinished).map(\.id)
    #expect(
      Set(unfinished) == [
        "parse.unterminatedString", "parse.unterminatedInterpolation", "parse.continuationAtEnd",
        "parse.unclosedParen", "parse.unclosedBracket", "parse.unclosedBrace", "parse.trailingPipe",
      ])
  }
}
