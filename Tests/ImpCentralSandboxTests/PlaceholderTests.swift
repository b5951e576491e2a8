import Testing

@Test func buildsAndRuns() {
  #expect(Bool(true))
}
