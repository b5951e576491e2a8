import ImpCentral
import Testing

@testable import ImptCommands
@testable import ImptLanguage

@Suite struct LogGetCommandTests {
  /// A runner with one device, `fixture-1`, that logged `line 1` … `line N` in order.
  private func deviceThatLogged(_ count: Int, interactive: Bool = false) async throws
    -> LineRunner
  {
    let shell = try await LineRunner.make(interactive: interactive)
    try await shell.value("sandbox device add --name fixture")
    for number in 1...count {
      try await shell.value("sandbox log --device fixture-1 --text 'line \(number)'")
    }
    return shell
  }

  private func messages(_ value: Value) -> [String] {
    value.listItems.compactMap { $0.text("msg") }
  }

  @Test func aPageHoldsTheNewestEntriesFirst() async throws {
    let shell = try await deviceThatLogged(5)

    let page = try await shell.value("log get --device fixture-1 --page-size 2 --page-number 1")

    #expect(messages(page) == ["line 5", "line 4"])
    #expect(page.listItems.first?.text("type") == "server.log")
    #expect(page.listItems.first?.text("ts")?.isEmpty == false)
  }

  @Test func laterPagesHoldOlderEntries() async throws {
    let shell = try await deviceThatLogged(5)

    let page = try await shell.value("log get -d fixture-1 -s 2 -n 3")

    #expect(messages(page) == ["line 1"])
  }

  @Test func withoutAPageNumberTheFirstPageIsReturned() async throws {
    let shell = try await deviceThatLogged(25)

    let page = try await shell.value("log get --device fixture-1")

    #expect(messages(page).count == LogPaging.defaultSize)
    #expect(messages(page).first == "line 25")
    #expect(shell.terminal.prompts.isEmpty)
  }

  @Test(arguments: [("101", "command.badValue"), ("0", "check.badValue")])
  func pageSizesOutsideOneToAHundredAreRefused(size: String, id: String) async throws {
    let shell = try await deviceThatLogged(1)

    let failure = try await shell.failure("log get --device fixture-1 --page-size \(size)")

    #expect(failure.id == id)
    #expect(failure.message.contains("'--page-size'"))
  }

  /// Regression: at a terminal `log get` paged interactively, so a pipe after it saw
  /// nothing and the pager took the next command typed as its answer.
  @Test func aTerminalGetsThePageAsAValueForThePipe() async throws {
    let shell = try await deviceThatLogged(5, interactive: true)
    shell.terminal.answerLines(["device list"])

    let count = try await shell.value(
      #"log get --device fixture-1 --page-size 2 | where msg == "line 5" | count"#)

    #expect(count == .number(1))
    #expect(shell.terminal.prompts.isEmpty)
    #expect(shell.printedLogMessages.isEmpty)
  }

  @Test func aFullPageSaysHowToGetTheNextOne() async throws {
    let shell = try await deviceThatLogged(5)

    try await shell.value("log get --device fixture-1 --page-size 2")

    #expect(
      shell.notes.contains(
        "page 1 is full; the next one: 'log get --device fixture-1 --page-size 2 --page-number 2'"))
  }

  @Test func theLastShortPageSaysNothingMore() async throws {
    let shell = try await deviceThatLogged(5)

    let page = try await shell.value("log get --device fixture-1 --page-size 2 --page-number 3")

    #expect(messages(page) == ["line 1"])
    #expect(!shell.notes.contains { $0.contains("is full") })
  }

  @Test func aPageNumberAtATerminalReturnsThatPageWithoutAsking() async throws {
    let shell = try await deviceThatLogged(5, interactive: true)

    let page = try await shell.value("log get --device fixture-1 --page-size 2 --page-number 2")

    #expect(messages(page) == ["line 3", "line 2"])
    #expect(shell.terminal.prompts.isEmpty)
  }

  @Test func theSessionGroupsOnlyDeviceIsTheDefault() async throws {
    let shell = try await deviceThatLogged(1)
    try await shell.makeDevelopmentGroup()
    try await shell.assign("fixture-1", to: "MyDevDG")
    try await shell.ok("use dg MyDevDG")
    try await shell.value("sandbox log --device fixture-1 --text 'in the group'")

    let page = try await shell.value("log get --page-number 1")

    #expect(messages(page).first == "in the group")
  }

  @Test func aSessionGroupWithTwoDevicesNeedsDevice() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeDevelopmentGroup()
    try await shell.value("sandbox device add --count 2 --name fixture")
    try await shell.assign("fixture-1", to: "MyDevDG")
    try await shell.assign("fixture-2", to: "MyDevDG")
    try await shell.ok("use dg MyDevDG")

    let failure = try await shell.failure("log get")

    #expect(failure.id == "command.noDevice")
    #expect(failure.message.contains("'MyDevDG' has 2 devices"))
  }

  @Test func anUnknownDeviceIsNotFound() async throws {
    let shell = try await LineRunner.make()

    let failure = try await shell.failure("log get --device nowhere")

    #expect(failure.id == "command.notFound")
    #expect(failure.message == "device 'nowhere' was not found")
  }
}

@Suite struct LogStreamCommandTests {
  @Test func aStreamShowsALineTheDeviceLogs() async throws {
    let shell = try await LineRunner.make()
    try await shell.value("sandbox device add --count 2 --name fixture")

    let streaming = Task { await shell.run("log stream --device fixture-1 --device fixture-2") }
    try await waitUntil { shell.notes.contains { $0.hasPrefix("following the logs of") } }
    try await shell.value("sandbox log --device fixture-2 --text 'hello stream'")
    try await waitUntil { shell.printedLogMessages.contains("hello stream") }
    streaming.cancel()
    _ = await streaming.value

    let line = try #require(shell.printedLogLines.first { $0.msg == "hello stream" })
    #expect(line.device == (try await shell.device("fixture-2")).id)
    #expect(line.type == "server.log")
    #expect(shell.notes.contains("stopped following the logs"))
  }

  @Test func aStreamOfAGroupFollowsItsDevices() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeDevelopmentGroup()
    try await shell.value("sandbox device add --name fixture")
    try await shell.assign("fixture-1", to: "MyDevDG")

    let streaming = Task { await shell.run("log stream --dg MyDevDG") }
    try await waitUntil { shell.notes.contains { $0.hasPrefix("following the logs of") } }
    try await shell.value("sandbox log --device fixture-1 --text 'from the group'")
    try await waitUntil { shell.printedLogMessages.contains("from the group") }
    streaming.cancel()
    _ = await streaming.value

    #expect(shell.notes.contains { $0.contains("fixture-1") })
  }

  @Test func aStreamWithForReturnsWhenTheTimeRunsOut() async throws {
    let shell = try await LineRunner.make()
    try await shell.value("sandbox device add --name fixture")

    try await shell.ok("log stream --device fixture-1 --for 1")

    #expect(shell.notes.last == "stopped following the logs after 1 s")
  }

  @Test func aStreamLongerThanADayIsRefused() async throws {
    let shell = try await LineRunner.make()
    try await shell.value("sandbox device add --name fixture")

    let failure = try await shell.failure("log stream --device fixture-1 --for 100000")

    #expect(failure.id == "command.badValue")
    #expect(failure.message.contains("'--for'"))
  }

  @Test func aStreamWithNothingToFollowIsRefused() async throws {
    let shell = try await LineRunner.make()

    let failure = try await shell.failure("log stream")

    #expect(failure.id == "command.noDevices")
    #expect(failure.help.first?.contains("use dg") == true)
  }

  @Test func aStreamOfAnEmptyGroupSaysWhichGroup() async throws {
    let shell = try await LineRunner.make()
    try await shell.makeDevelopmentGroup()

    let failure = try await shell.failure("log stream --dg MyDevDG")

    #expect(failure.id == "command.noDevices")
    #expect(failure.message == "device group 'MyDevDG' has no devices to follow")
  }
}

/// Waits, a step at a time, until `condition` holds; gives up after many steps so a
/// broken stream fails the test instead of hanging it.
func waitUntil(_ condition: () -> Bool) async throws {
  for _ in 0..<5_000 {
    if condition() { return }
    try await Task.sleep(nanoseconds: 2_000_000)
  }
  Issue.record("the condition never held")
}
