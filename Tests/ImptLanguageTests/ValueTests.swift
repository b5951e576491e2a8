import ImpCentral
import Testing

@testable import ImptLanguage

struct ValueTests {
  @Test func deviceFieldsAreProjectedWithAliases() {
    let device = Fixtures.devices[1]
    #expect(device.field("id") == .string("d2"))
    #expect(device.field("type") == .string("device"))
    #expect(device.field("mac_address") == .string("0c:2a:69:00:00:02"))
    #expect(device.field("mac") == device.field("mac_address"))
    #expect(device.field("online") == .bool(true))
    #expect(device.field("agent") == .string("agent-d2"))
    #expect(device.field("devicegroup") == .string("dg1"))
    #expect(device.field("dg") == .string("dg1"))
    #expect(device.field("ip_address") == .null)
    #expect(device.field("flagged") == nil)
  }

  @Test func deviceGroupsShowTheirCommandLineTypeAndTargets() {
    let resource = ResourceObject(
      type: "factoryfixture_devicegroup", id: "g1", attributes: ["name": "F"],
      relationships: [
        "production_target": ResourceRef(type: "production_devicegroup", id: "g2"),
        "dut_target": ResourceRef(type: "dut_devicegroup", id: "g3"),
      ])
    let group = Entity(resource: resource)
    #expect(group?.kind == .deviceGroup)
    #expect(group?.field("type") == .string("factory"))
    #expect(group?.field("production_target") == .string("g2"))
    #expect(group?.field("target") == .string("g2"))
    #expect(group?.field("dut") == .string("g3"))
    #expect(group?.field("current_deployment") == .null)
  }

  @Test func everyKindHasIdAndTypeAndUnknownTypesHaveNoEntity() {
    for kind in ResourceKind.allCases {
      let names = EntitySchema.of(kind).names
      #expect(names.prefix(2) == ["id", "type"], "\(kind)")
    }
    #expect(Entity(resource: ResourceObject(type: "gizmo", id: "x")) == nil)
    #expect(Fixtures.logEntries[1].field("type") == .string("server.log"))
  }

  @Test func attributesTheSchemaDoesNotKnowAreKept() {
    let resource = ResourceObject(type: "product", id: "p", attributes: ["name": "A", "zeta": 1])
    let product = Entity(resource: resource)
    #expect(product?.fields.names.suffix(1) == ["zeta"])
    #expect(product?.field("zeta") == .number(1))
  }

  @Test func jsonTextKeepsOrderAndEscapes() {
    let value = Value.record(
      Record([("b", .string("q\"\n\u{1}")), ("a", .list([.number(1.5), .null]))]))
    #expect(value.jsonText(pretty: false) == #"{"b":"q\"\n\u0001","a":[1.5,null]}"#)
    #expect(Value.list([]).jsonText() == "[]")
    #expect(Value(json: ["z": 1, "a": [true]]).jsonText(pretty: false) == #"{"a":[true],"z":1}"#)
  }

  static let texts: [(Value, String)] = [
    (.number(12), "12"), (.number(-0.25), "-0.25"), (.number(1e20), "1e+20"),
    (.bool(false), "false"), (.null, "null"), (.string("a b"), "a b"),
    (.list([.string("x"), .number(2)]), #"["x",2]"#),
  ]

  @Test(arguments: texts)
  func displayTextIsHowValuesInterpolate(value: Value, expected: String) {
    #expect(value.displayText == expected)
  }

  @Test func tablesAndRecordLines() {
    let records = Value.list([
      .record(Record([("id", .string("a")), ("tags", .list([.string("x"), .string("y")]))])),
      .record(Record([("id", .string("bb")), ("extra", .null)])),
    ])
    #expect(TextTable(records).render() == "id  tags\na   x, y\nbb")
    let record = Value.record(Record([("name", .string("hall")), ("online", .bool(true))]))
    #expect(TextTable(record).render() == "name:   hall\nonline: true")
    #expect(TextTable(.list([.number(1), .number(2)])).render() == "1\n2")
  }

  @Test func orderingAndEquality() {
    #expect(Value.number(2).order(against: .number(10)) == .ascending)
    #expect(Value.string("b").order(against: .string("a")) == .descending)
    #expect(Value.number(1).order(against: .string("1")) == nil)
    #expect(Value.entity(Fixtures.devices[0]).matches(.string("d1")))
    #expect(Value.null.sortsBefore(.number(1)) == false)
    #expect(Value.number(1).sortsBefore(.null))
  }

  @Test func valueTypesDescribeThemselves() {
    #expect(ValueType(of: .list(Fixtures.devices.map(Value.entity))) == .list(.entity(.device)))
    #expect(ValueType(of: .list([.number(1), .string("x")])) == .list(.any))
    #expect(ValueType.list(.entity(.logEntry)).phrase == "a list of log entries")
    #expect(ValueType.entity(.deviceGroup).phrase == "a device group")
  }

  static let distances: [(String, String, Int)] = [
    ("name", "nmae", 1), ("product", "prodcut", 1), ("dg", "dg", 0), ("", "abc", 3),
    ("kitten", "sitting", 3),
  ]

  @Test(arguments: distances)
  func editDistanceCountsSwapsAsOne(left: String, right: String, expected: Int) {
    #expect(
      Suggestion.distance(Array(left.unicodeScalars), Array(right.unicodeScalars)) == expected)
  }

  @Test func suggestionsAreOnlyForCloseWords() {
    #expect(Suggestion.closest(to: "prodcut", in: ["product", "dg"]) == "product")
    #expect(Suggestion.closest(to: "DG", in: ["product", "dg"]) == "dg")
    #expect(Suggestion.closest(to: "zebra", in: ["product", "dg"]) == nil)
    #expect(Suggestion.closest(to: "x", in: ["y"]) == "y")
    #expect(Suggestion.closest(to: "xy", in: ["ab"]) == nil)
  }
}

struct CatalogueTests {
  let catalogue = FakeCatalogue.catalogue

  @Test func looksUpCommandsByGroupVerbAndAlias() {
    #expect(catalogue.command(group: "dg", verb: "create")?.name == "dg create")
    #expect(catalogue.command(group: "devicegroup", verb: "create")?.name == "dg create")
    #expect(catalogue.command(group: "dg", verb: "fly") == nil)
    #expect(catalogue.groups.prefix(3) == ["product", "dg", "device"])
    #expect(catalogue.verbs(in: "device") == ["list", "info", "restart", "assign"])
  }

  @Test func optionsAnswerToLongAndShortNames() {
    let spec = catalogue.command(group: "dg", verb: "create")
    #expect(spec?.longOption("dg-type")?.short == "y")
    #expect(spec?.shortOption("y")?.name == "dg-type")
    #expect(spec?.longOption("output") == CommandSpec.outputOption)
    #expect(spec?.shortOption("h") == CommandSpec.helpOption)
    #expect(spec?.longOption("y") == nil)
  }

  @Test func theFakeCatalogueIsWellFormed() {
    #expect(catalogue.problems.isEmpty)
  }

  @Test func problemsInACatalogueAreFound() {
    let action: CommandAction = { _, _ in .null }
    let broken = Catalogue([
      CommandSpec(
        group: "a", verb: "b", summary: "x",
        options: [
          OptionSpec("one", short: "o", summary: "x"), OptionSpec("two", short: "o", summary: "x"),
          OptionSpec("one", summary: "x"),
        ], pipeOption: "three", action: action),
      CommandSpec(group: "a", verb: "b", summary: "again", action: action),
    ])
    #expect(
      broken.problems == [
        "'a b' gives the alias '-o' to two options.", "'a b' has the option '--one' twice.",
        "'a b' takes piped input into '--three', which it does not have.",
        "The command 'a b' is defined twice.",
      ])
  }
}
