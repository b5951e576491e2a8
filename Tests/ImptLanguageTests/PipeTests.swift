import Testing

@testable import ImptLanguage

/// The values a script showed, as compact JSON.
func shown(_ script: String) async -> [String] {
  let (outcome, journal) = await run(script)
  #expect(outcome.status == 0, "\(outcome.diagnostics.map(\.message))")
  return journal.shown.map { $0.jsonText(pretty: false) }
}

struct PipeTests {
  static let filters: [(String, String)] = [
    ("device list | count", "6"),
    ("device list | where online | get name", #"["kitchen","garage","fixture"]"#),
    ("device list | where online == false | get id", #"["d1","d3","d6"]"#),
    ("device list | where not online and rssi > -60 | get id", #"["d3"]"#),
    (
      "device list | where (online or rssi < -75) and name != \"fixture\" | get id",
      #"["d2","d4","d6"]"#
    ),
    ("device list | where name =~ \"^[gk]\" | get name", #"["kitchen","garage"]"#),
    ("device list | where mac !~ \"0[1-4]$\" | get id", #"["d5","d6"]"#),
    ("device list | where devicegroup == null | get id", #"["d6"]"#),
    ("device list | where $it.agent == \"agent-d2\" | get id", #"["d2"]"#),
    (
      "device list | sort name | get name",
      #"["attic","fixture","garage","hall","kitchen","spare"]"#
    ),
    ("device list | sort -r rssi | get rssi", "[-30,-40,-55,-65,-70,-80]"),
    ("device list | sort devicegroup | get id", #"["d1","d2","d3","d4","d5","d6"]"#),
    ("device list | sort -r devicegroup | get id", #"["d5","d1","d2","d3","d4","d6"]"#),
    (
      "device list | select id name online | first 2",
      #"[{"id":"d1","name":"hall","online":false},{"id":"d2","name":"kitchen","online":true}]"#
    ),
    ("device list | first | get name", #""hall""#),
    ("device list | last | get name", #""spare""#),
    ("device list | last 2 | get id", #"["d5","d6"]"#),
    ("device list | first 0", "[]"),
    ("device list | get devicegroup | uniq", #"["dg1","dg2",null]"#),
    ("device list | each { $it.name } | first 3", #"["hall","kitchen","attic"]"#),
    ("device list | each { if $it.online { $it.id } }", #"["d2","d4","d5"]"#),
    ("device list | where online | count | json", #""3""#),
    ("[3, 1, 2] | sort", "[1,2,3]"),
    ("[\"b\", \"c\", \"a\"] | sort -r", #"["c","b","a"]"#),
    ("[1, 1, 2, 1] | uniq", "[1,2]"),
    ("{a: 1, b: \"x\"} | get b", #""x""#),
    ("{a: 1, b: \"x\"} | select b", #"{"b":"x"}"#),
  ]

  @Test(arguments: filters)
  func filtersWorkOnPipedValues(script: String, expected: String) async {
    #expect(await shown(script) == [expected])
  }

  static let kinds: [(String, String)] = [
    ("product list | get name", #"["MyProduct"]"#),
    ("product list | where owner == \"me\" | count", "1"),
    ("dg list | where type == \"production\" | get name", #"["MyProductionDG"]"#),
    ("dg list | where product == \"p1\" | sort -r name | get id", #"["dg1","dg2","dg3"]"#),
    ("build list | where flagged | get sha", #"["aaa"]"#),
    ("build list | where tags[0] == \"v2\" | get id", #"["b2"]"#),
    ("build list | get tags", #"[["rc","v1"],["v2"]]"#),
    ("build info --build b1 | get dg", #""dg1""#),
    ("log get --device d1 | where type == \"status\" | get msg", #"["Device connected"]"#),
    ("account info | select username email", #"{"username":"ada","email":"ada@example.com"}"#),
    ("webhook create --dg A --url u --event blessing --mime json | get event", #""blessing""#),
    ("loginkey create --descr ci | get usages", "3"),
  ]

  @Test(arguments: kinds)
  func pipesWorkOnEveryKindOfEntity(script: String, expected: String) async {
    #expect(await shown(script) == [expected])
  }

  @Test func whereKeepsEntitiesWhole() async {
    let (_, journal) = await run("device list | where online")
    guard case .list(let items)? = journal.shown.first else {
      Issue.record("expected a list")
      return
    }
    #expect(
      items.allSatisfy {
        if case .entity(let entity) = $0 { entity.kind == .device } else { false }
      })
  }

  @Test func jsonKeepsFieldOrder() async {
    let (_, journal) = await run("device list | first | select name id | json")
    #expect(journal.shown == [.string("{\n  \"name\": \"hall\",\n  \"id\": \"d1\"\n}")])
  }

  @Test func tableLaysOutRecords() async {
    let (_, journal) = await run("device list | where online | select id name rssi | table")
    let expected = """
      id  name     rssi
      d2  kitchen  -40
      d4  garage   -65
      d5  fixture  -30
      """
    #expect(journal.shown == [.string(expected)])
  }

  @Test func eachBlockValuesAreCollectedNotShown() async {
    let (_, journal) = await run("let names = device list | each { $it.name; \"x\" }")
    #expect(journal.shown.isEmpty)
  }

  @Test func fieldsOfAListAreFieldsOfEachItem() async {
    #expect(await shown("let d = device list --dg MyFactoryDG\n$d.name") == [#"["fixture"]"#])
  }
}
