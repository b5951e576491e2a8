import Foundation
import ImpCentral
import ImptLanguage
import Testing

@testable import ImptShell

@Suite struct TerminalCompletionTests {
  private let completer = CommandCompleter(
    commands: Self.catalogue,
    statementWords: ["exit", "let", "use"],
    entityNames: { kind in
      switch kind {
      case .deviceGroup: ["MyFactoryDG", "MyProductionDG", "Test DG", "Tom's $5 DG"]
      case .product: ["MyProduct"]
      default: []
      }
    },
    variableNames: { ["rc", "release", "n"] },
    files: { typed in
      ["scripts/", "scripts/guide.imptsh", "setup.imptsh", "app.device.nut", "app.agent.nut"]
        .filter { $0.hasPrefix(typed) && $0 != typed }
        .filter { !$0.dropFirst(typed.count).dropLast().contains("/") }
    })

  @Test(
    "completes groups, statement words and verbs",
    arguments: [
      ("", ["auth", "build", "device", "dg", "exit", "let", "product", "sandbox", "use"]),
      ("pro", ["product"]),
      ("d", ["device", "dg"]),
      ("impt ", ["auth", "build", "device", "dg", "product", "sandbox"]),
      ("impt pro", ["product"]),
      ("product ", ["create", "list"]),
      ("product l", ["list"]),
      ("impt dg c", ["create"]),
      ("explain dg ", ["create", "info"]),
      ("let x = dg i", ["info"]),
      ("for g in dg i", ["info"]),
      ("product list | dg i", ["info"]),
      ("product list |\n dg i", ["info"]),
      ("use x; pro", ["product"]),
      ("nothing ", []),
      ("zzz", []),
    ])
  func completesCommandWords(text: String, expected: [String]) {
    #expect(completer.complete(text).candidates == expected)
  }

  @Test(
    "offers the options not given yet",
    arguments: [
      ("dg create --dg-t", ["--dg-type"]),
      ("dg create --", ["--dg-type", "--name", "--product", "--tag", "--temp"]),
      ("dg create -", ["--dg-type", "--name", "--product", "--tag", "--temp"]),
      ("dg create ", ["--dg-type", "--name", "--product", "--tag", "--temp"]),
      ("dg create --name x --", ["--dg-type", "--product", "--tag", "--temp"]),
      ("dg create -n x --", ["--dg-type", "--product", "--tag", "--temp"]),
      ("dg create --name=x --temp --", ["--dg-type", "--product", "--tag"]),
      ("dg create --tag a --tag b --t", ["--tag", "--temp"]),
      ("impt dg create --dg-type production --n", ["--name"]),
      ("dg create --name x nonsense", []),
      ("dg nothing --", []),
    ])
  func completesOptions(text: String, expected: [String]) {
    #expect(completer.complete(text).candidates == expected)
  }

  @Test(
    "completes choices and entity names after an option",
    arguments: [
      ("dg create --dg-type pro", ["production"]),
      ("dg create -y pre-", ["pre-dut", "pre-factory", "pre-production"]),
      ("dg create --dg-type=pro", ["--dg-type=production"]),
      ("dg create --product My", ["MyProduct"]),
      ("dg info --dg My", ["MyFactoryDG", "MyProductionDG"]),
      ("dg info -g MyP", ["MyProductionDG"]),
      ("dg info --dg Te", [#""Test DG""#]),
      (#"dg info --dg "Te"#, [#""Test DG""#]),
      ("dg info --dg To", [#""Tom's \$5 DG""#]),
      ("dg info --dg=Te", [#"--dg="Test DG""#]),
      ("dg create --name ", []),
      ("dg create --temp ", ["--dg-type", "--name", "--product", "--tag"]),
    ])
  func completesValues(text: String, expected: [String]) {
    #expect(completer.complete(text).candidates == expected)
  }

  @Test(
    "completes variables after a dollar sign",
    arguments: [
      ("echo $r", ["$rc", "$release"]),
      ("dg info --dg $", ["$n", "$rc", "$release"]),
      ("echo $x", []),
    ])
  func completesVariables(text: String, expected: [String]) {
    #expect(completer.complete(text).candidates == expected)
  }

  @Test(
    "completes 'use', its targets and their names",
    arguments: [
      ("use ", ["dg", "none", "product"]),
      ("use p", ["product"]),
      ("use product ", ["MyProduct"]),
      ("use dg My", ["MyFactoryDG", "MyProductionDG"]),
      ("use dg Te", [#""Test DG""#]),
      ("use none ", []),
      ("use x ", []),
    ])
  func completesUse(text: String, expected: [String]) {
    #expect(completer.complete(text).candidates == expected)
  }

  @Test(
    "offers pipe stages and commands after '|', and fields of what the pipe carries",
    arguments: [
      (
        "device list | ",
        [
          "auth", "build", "count", "device", "dg", "each", "first", "get", "json", "last",
          "product", "sandbox", "select", "sort", "table", "uniq", "where",
        ]
      ),
      ("device list | wh", ["where"]),
      ("device list | s", ["sandbox", "select", "sort"]),
      ("device list | where onl", ["online"]),
      ("device list | where online == false and na", ["name"]),
      ("device list | where online == ", []),
      ("device list | select id na", ["name"]),
      ("device list | sort -r na", ["name"]),
      ("device list | get mac_", ["mac_address"]),
      ("device list | get mac_address ", []),
      ("device list | where online == true | sort na", ["name"]),
      ("device list | select id name | sort ", ["id", "name"]),
      ("device list | get name | sort ", []),
      ("let d = device list | where onl", ["online"]),
      ("dg info --dg X | get na", ["name"]),
      ("product list | dg info | sele", ["select"]),
      ("$devices | where na", []),
    ])
  func completesPipes(text: String, expected: [String]) {
    #expect(completer.complete(text).candidates == expected)
  }

  @Test(
    "completes two-word verbs a word at a time, then their options",
    arguments: [
      ("sandbox ", ["device", "factory"]),
      ("sandbox dev", ["device"]),
      ("sandbox device ", ["add", "remove"]),
      ("sandbox device a", ["add"]),
      ("sandbox device add --", ["--count", "--name"]),
      ("sandbox factory run --c", ["--count"]),
      ("help sa", ["sandbox"]),
      ("help sandbox ", ["device", "factory"]),
    ])
  func completesTwoWordVerbs(text: String, expected: [String]) {
    #expect(completer.complete(text).candidates == expected)
  }

  @Test(
    "completes file paths where a file is named",
    arguments: [
      ("build deploy --device-file app.d", ["app.device.nut"]),
      ("build deploy --agent-file app.a", ["app.agent.nut"]),
      ("build deploy --device-file=app.d", ["--device-file=app.device.nut"]),
      ("source s", ["scripts/", "setup.imptsh"]),
      ("source scripts/", ["scripts/guide.imptsh"]),
      ("record ", ["start", "stop"]),
      ("record start se", ["setup.imptsh"]),
      ("record stop ", []),
      ("build deploy --descr a", []),
    ])
  func completesFilePaths(text: String, expected: [String]) {
    #expect(completer.complete(text).candidates == expected)
  }

  @Test("a folder completes without a space, so Tab goes on inside it")
  func folderCompletesWithoutASpace() {
    #expect(Completion(word: "scr", candidates: ["scripts/"]).outcome == .replace(with: "scripts/"))
  }

  @Test("lists real files and folders, hiding dot files until a dot is typed")
  func listsRealFiles() throws {
    let folder = NSTemporaryDirectory() + "imptsh-files-" + UUID().uuidString
    try FileManager.default.createDirectory(
      atPath: folder + "/code", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for name in ["code/app.device.nut", "notes.txt", ".hidden"] {
      FileManager.default.createFile(atPath: folder + "/" + name, contents: Data())
    }
    let files = FileCompletion(workingFolder: { folder })
    #expect(files.candidates("").sorted() == ["code/", "notes.txt"])
    #expect(files.candidates(".").sorted() == [".hidden"])
    #expect(files.candidates("code/a") == ["code/app.device.nut"])
    #expect(files.candidates(folder + "/n") == [folder + "/notes.txt"])
    #expect(files.candidates("missing/").isEmpty)
  }

  @Test("replaces the partial word as typed, quotes included")
  func reportsThePartialWord() {
    #expect(completer.complete(#"dg info --dg "Te"#).word == #""Te"#)
    #expect(completer.complete("dg create --dg-type=pro").word == "--dg-type=pro")
    #expect(completer.complete("dg create ").word == "")
  }

  @Test(
    "inserts one match with a space, a longer common prefix, or lists the rest",
    arguments: [
      (Completion(word: "pro", candidates: ["product"]), .replace(with: "product ")),
      (
        Completion(word: "pre", candidates: ["pre-dut", "pre-factory"]),
        .replace(with: "pre-")
      ),
      (
        Completion(word: "My", candidates: [#""My DG""#, #""My Other""#]),
        .replace(with: #""My "#)
      ),
      (
        Completion(word: "pre-", candidates: ["pre-dut", "pre-factory"]),
        .list(["pre-dut", "pre-factory"])
      ),
      (Completion(word: "", candidates: ["auth", "dg"]), .list(["auth", "dg"])),
      (Completion(word: "zz", candidates: []), .beep),
    ] as [(Completion, CompletionOutcome)])
  func choosesTheOutcome(completion: Completion, expected: CompletionOutcome) {
    #expect(completion.outcome == expected)
  }

  @Test("lays candidates out in columns, top to bottom, within the width")
  func laysOutColumns() {
    let words = ["alpha", "beta", "gamma", "delta", "epsilon"]

    #expect(ColumnLayout.lines(words, width: 80) == ["alpha    beta     gamma    delta    epsilon"])
    #expect(
      ColumnLayout.lines(words, width: 20) == ["alpha    delta", "beta     epsilon", "gamma"])
    #expect(ColumnLayout.lines(["a-very-long-name"], width: 5) == ["a-very-long-name"])
    #expect(ColumnLayout.lines([], width: 80).isEmpty)
  }

  @Test(
    "quotes words that the lexer would split or interpret",
    arguments: [
      ("MyDG", "MyDG"),
      ("My DG", #""My DG""#),
      ("a|b", #""a|b""#),
      ("$5 DG", "'$5 DG'"),
      (#"say "hi""#, #"'say "hi"'"#),
      (#"Tom's "$5""#, #""Tom's \"\$5\"""#),
      ("", #""""#),
    ])
  func quotesWords(word: String, expected: String) {
    #expect(ShellQuoting.quote(word) == expected)
  }

  private static let catalogue: [CommandSpec] = [
    command("product", "list"),
    command("product", "create", [OptionSpec("name", summary: "name")]),
    command(
      "dg", "create",
      [
        OptionSpec("name", short: "n", summary: "name"),
        OptionSpec(
          "dg-type", short: "y", kind: .choice(DeviceGroupType.allCases.map(\.name)),
          summary: "type"),
        OptionSpec("product", short: "p", summary: "product", identifies: .product),
        OptionSpec("tag", kind: .textList, summary: "tags"),
        OptionSpec("temp", kind: .flag, summary: "temporary"),
      ]),
    command(
      "dg", "info",
      [OptionSpec("dg", short: "g", summary: "group", identifies: .deviceGroup)],
      result: .entity(.deviceGroup)),
    command("auth", "login", [OptionSpec("pwd", short: "w", summary: "pwd", isSecret: true)]),
    command("device", "list", result: .list(.device)),
    command(
      "build", "deploy",
      [
        OptionSpec("device-file", placeholder: "FILE", summary: "device code"),
        OptionSpec("agent-file", placeholder: "FILE", summary: "agent code"),
        OptionSpec("descr", summary: "description"),
      ]),
    command(
      "sandbox", "device add",
      [OptionSpec("count", kind: .integer(), summary: "n"), OptionSpec("name", summary: "name")]),
    command("sandbox", "device remove"),
    command("sandbox", "factory run", [OptionSpec("count", kind: .integer(), summary: "n")]),
  ]

  private static func command(
    _ group: String, _ verb: String, _ options: [OptionSpec] = [], result: ResultShape = .nothing
  ) -> CommandSpec {
    CommandSpec(
      group: group, verb: verb, summary: verb, options: options, result: result,
      action: { _, _ in .null })
  }
}
