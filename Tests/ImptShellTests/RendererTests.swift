import ImpCentral
import ImptLanguage
import Testing

@testable import ImptShell

private func device(_ id: String, _ name: String, online: Bool) -> Value {
  let fields = Record([
    ("id", .string(id)), ("name", .string(name)), ("device_online", .bool(online)),
  ])
  let resource = ResourceObject(type: "device", id: id)
  return .entity(Entity(kind: .device, id: id, fields: fields, resource: resource))
}

private let devices: Value = .list([
  device("234776801163a9ee", "fixture-1", online: true),
  device("5000d8c46a56cfca", "a much longer device name", online: false),
])

@Test func listsOfEntitiesRenderAsATableWithFieldNamesAsHeaders() {
  let text = Renderer(options: RenderOptions(mode: .table)).render(devices)
  #expect(
    text == """
      id                name                       device_online
      234776801163a9ee  fixture-1                  true
      5000d8c46a56cfca  a much longer device name  false

      """)
}

@Test func wideTablesAreCutToTheTerminalWidth() {
  let text = Renderer(options: RenderOptions(mode: .table, width: 40)).render(devices)
  let lines = text.split(separator: "\n")
  #expect(lines.allSatisfy { $0.count <= 40 })
  #expect(text.contains("…"))
}

@Test func oneEntityRendersAsAlignedKeyValueLines() {
  guard case .list(let items) = devices else { return }
  let text = Renderer(options: RenderOptions(mode: .table)).render(items[0])
  #expect(
    text == """
      id:            234776801163a9ee
      name:          fixture-1
      device_online: true

      """)
}

@Test func minimalOutputIsOneIdPerLine() {
  let text = Renderer(options: RenderOptions(mode: .minimal)).render(devices)
  #expect(text == "234776801163a9ee\n5000d8c46a56cfca\n")
}

@Test func jsonOutputKeepsFieldOrderAndTypes() {
  let text = Renderer(options: RenderOptions(mode: .json)).render(devices)
  #expect(text.hasPrefix("[\n  {\n    \"id\": \"234776801163a9ee\",\n    \"name\": \"fixture-1\""))
  #expect(text.contains("\"device_online\": false"))
}

@Test func emptyListsSayThereIsNothingAndNullPrintsNothing() {
  let renderer = Renderer(options: RenderOptions(mode: .table))
  #expect(renderer.render(.list([])) == "(no items)\n")
  #expect(renderer.render(.null) == "")
  #expect(Renderer(options: RenderOptions(mode: .json)).render(.list([])) == "[]\n")
}

@Test func colourIsOnlyAddedWhenAskedFor() {
  let plain = Renderer(options: RenderOptions(mode: .table)).render(devices)
  let coloured = Renderer(options: RenderOptions(mode: .table, color: true)).render(devices)
  #expect(!plain.contains("\u{1B}["))
  #expect(coloured.contains("\u{1B}[1m"))
}

@Test func multiLineStringsInARecordAreIndentedBelowTheirKey() {
  let record = Value.record(Record([("device_code", .string("a\nb")), ("sha", .string("f4"))]))
  let text = Renderer(options: RenderOptions(mode: .table)).render(record)
  #expect(text == "device_code:\n  a\n  b\nsha:         f4\n")
}
