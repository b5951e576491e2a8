import ImpCentral
import ImptCommands
import ImptLanguage

// libFuzzer feeds arbitrary bytes through the lexer, parser, checker and renderer; any
// crash or hang is a bug. Built by scripts/fuzz with `--sanitize=fuzzer`.

/// A small catalogue with every option kind, requirement and pipe shape.
private let catalogue: Catalogue = {
  let action: CommandAction = { _, _ in .null }
  func option(
    _ name: String, _ short: Character, _ kind: OptionKind = .text(),
    _ requirement: Requirement = .optional, identifies: ResourceKind? = nil
  ) -> OptionSpec {
    OptionSpec(
      name, short: short, kind: kind, requirement: requirement, summary: name,
      identifies: identifies, isSecret: name == "pwd")
  }
  return Catalogue(
    [
      CommandSpec(
        group: "dg", verb: "create", summary: "x",
        options: [
          option("name", "n", .text(), .required), option("descr", "s", .text(allowsEmpty: true)),
          option("dg-type", "y", .choice(["development", "production", "factory"])),
          option("product", "p", .text(), .fromContext(.product), identifies: .product),
        ], effect: .write, result: .entity(.deviceGroup), action: action),
      CommandSpec(
        group: "dg", verb: "restart", summary: "x",
        options: [
          option("dg", "g", .text(), .fromContext(.deviceGroup), identifies: .deviceGroup),
          option("confirmed", "q", .flag), option("load", "l", .toggle),
        ], effect: .destructive, pipeOption: "dg", action: action),
      CommandSpec(
        group: "device", verb: "list", summary: "x",
        options: [
          option("dg", "g", .textList, identifies: .deviceGroup), option("online", "n", .flag),
        ],
        result: .list(.device), pipeOption: "dg", action: action),
      CommandSpec(
        group: "log", verb: "get", summary: "x",
        options: [
          option("device", "d", .text(), .required, identifies: .device),
          option("page-size", "s", .integer(minimum: 1)),
          option("pwd", "w"), option("type", "t", .choiceList(["a", "b"])),
        ], result: .list(.logEntry), pipeOption: "device", action: action),
    ], groupAliases: ["devicegroup": "dg"])
}()

private let context = CheckContext(
  variables: ["devices": .list(.entity(.device)), "group": .entity(.deviceGroup)],
  contextSlots: [.deviceGroup],
  loadSource: { path, _ in SourceFile(path: path, text: "let sourced = \(path.count)\n") })

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = Lexer.tokenize(text, file: "fuzz")
  _ = Parser.isComplete(text)
  let parsed = Parser.parse(text, file: "fuzz")
  // The small catalogue reaches every option kind; the real one, every real command.
  for catalogue in [catalogue, CommandCatalogue.standard] {
    let checked = Checker.check(parsed.script, catalogue: catalogue, context: context)
    let renderer = DiagnosticRenderer(style: .caret, redacting: checked.secretRanges)
    _ = renderer.render(parsed.diagnostics + checked.diagnostics) { _ in text }
  }
  return 0
}
