import Testing

@testable import ImptShell

@Suite struct TerminalPromptTests {
  /// A terminal, or not, whose answers are scripted and whose output is recorded.
  private final class FakeDevice: PromptDevice {
    let isTerminal: Bool
    private var answers: [LineEvent]
    private(set) var written = ""
    private(set) var echoes: [Bool] = []

    init(isTerminal: Bool = true, answers: [LineEvent] = []) {
      self.isTerminal = isTerminal
      self.answers = answers
    }

    func write(_ text: String) {
      written += text
    }

    func readLine(prompt: String, echo: Bool) -> LineEvent {
      written += prompt
      echoes.append(echo)
      return answers.isEmpty ? .endOfInput : answers.removeFirst()
    }
  }

  @Test("refuses to ask for confirmation without a terminal, naming --confirmed")
  func confirmRefusesWithoutTerminal() {
    let device = FakeDevice(isTerminal: false, answers: [.line("y")])
    let prompts = TerminalPrompts(device: device)

    #expect(throws: TerminalError.confirmationNeedsTerminal) {
      try prompts.confirm("delete 'MyDG'?")
    }
    #expect(TerminalError.confirmationNeedsTerminal.help.contains("'--confirmed'"))
    #expect(device.written.isEmpty)
    #expect(device.echoes.isEmpty)
  }

  @Test("refuses to read a secret without a terminal")
  func readSecretRefusesWithoutTerminal() {
    let prompts = TerminalPrompts(device: FakeDevice(isTerminal: false))

    #expect(throws: TerminalError.secretNeedsTerminal("password")) {
      try prompts.readSecret("password: ")
    }
    #expect(TerminalError.secretNeedsTerminal("password").id == "terminal.secretNeedsTerminal")
  }

  @Test(
    "takes yes and no in any case, and treats Ctrl-C and the end of input as no",
    arguments: [
      ([LineEvent.line("y")], true),
      ([.line("YES")], true),
      ([.line("  yes ")], true),
      ([.line("n")], false),
      ([.line("No")], false),
      ([.interrupted], false),
      ([.endOfInput], false),
    ])
  func confirmReadsAnswer(answers: [LineEvent], expected: Bool) throws {
    let device = FakeDevice(answers: answers)

    #expect(try TerminalPrompts(device: device).confirm("delete 'MyDG'?") == expected)
    #expect(device.written.hasPrefix("delete 'MyDG'? (y/n) "))
  }

  @Test("asks again until the answer is yes or no")
  func confirmReasksOnOtherInput() throws {
    let device = FakeDevice(answers: [.line("maybe"), .line(""), .line("y")])

    #expect(try TerminalPrompts(device: device).confirm("restart?") == true)
    #expect(device.written.components(separatedBy: "restart? (y/n) ").count == 4)
    #expect(device.written.contains("please answer 'y' or 'n'"))
    #expect(device.echoes == [true, true, true])
  }

  @Test("reads a secret with echo off and returns it")
  func readSecretReadsWithoutEcho() throws {
    let device = FakeDevice(answers: [.line("s3cret pass")])

    #expect(try TerminalPrompts(device: device).readSecret("password: ") == "s3cret pass")
    #expect(device.echoes == [false])
    #expect(device.written == "password: \n")
  }

  @Test(
    "gives no secret on Ctrl-C or the end of input",
    arguments: [LineEvent.interrupted, .endOfInput])
  func readSecretCancels(event: LineEvent) throws {
    let device = FakeDevice(answers: [event])

    #expect(try TerminalPrompts(device: device).readSecret("password: ") == nil)
  }
}

extension String {
  fileprivate func components(separatedBy separator: String) -> [Substring] {
    split(separator: separator, omittingEmptySubsequences: false)
  }
}
