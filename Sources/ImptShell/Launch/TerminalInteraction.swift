import Foundation
import ImptCommands
import ImptLanguage

/// Questions asked of the person at the terminal through the terminal layer's prompts.
public struct TerminalInteraction: Interaction {
  let output: any OutputSink

  /// Creates the interaction; summaries and prompts go to `output`'s error stream.
  public init(output: any OutputSink) {
    self.output = output
  }

  public var isInteractive: Bool { Terminal.isInteractive }

  public func confirm(summary: [String], question: String) async -> Bool {
    guard isInteractive else { return false }
    output.err(summary.map { $0.escapingControlCharacters + "\n" }.joined())
    return (try? TerminalPrompts().confirm(question)) ?? false
  }

  public func readSecret(prompt: String) async -> String? {
    guard isInteractive else { return nil }
    return (try? TerminalPrompts().readSecret(prompt)) ?? nil
  }

  public func readLine(prompt: String) async -> String? {
    guard isInteractive else { return nil }
    output.err(prompt)
    return Swift.readLine()
  }
}

/// No one to ask: scripts without a terminal, and tests.
public struct NoInteraction: Interaction {
  /// Creates the interaction.
  public init() {}

  public var isInteractive: Bool { false }
  public func confirm(summary: [String], question: String) async -> Bool { false }
  public func readSecret(prompt: String) async -> String? { nil }
  public func readLine(prompt: String) async -> String? { nil }
}
