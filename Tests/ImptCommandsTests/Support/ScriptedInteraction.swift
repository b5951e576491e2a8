import Synchronization

@testable import ImptCommands

/// A terminal (or none) whose answers are scripted, recording every question asked.
final class ScriptedInteraction: Interaction, Sendable {
  struct State: Sendable {
    var lines: [String?] = []
    var secrets: [String?] = []
    var confirmations: [Bool] = []
    var prompts: [String] = []
    var summaries: [[String]] = []
  }

  let isInteractive: Bool
  private let state = Mutex(State())

  /// Creates a terminal; `isInteractive: false` stands for a pipe or a script.
  init(isInteractive: Bool) {
    self.isInteractive = isInteractive
  }

  /// Queues replies to `readLine`; nil stands for EOF or Ctrl-C.
  func answerLines(_ replies: [String?]) { state.withLock { $0.lines += replies } }

  /// Queues replies to `readSecret`.
  func answerSecrets(_ replies: [String?]) { state.withLock { $0.secrets += replies } }

  /// Queues answers to `confirm`.
  func answerConfirmations(_ answers: [Bool]) { state.withLock { $0.confirmations += answers } }

  /// Every prompt shown, in order.
  var prompts: [String] { state.withLock { $0.prompts } }

  /// The summaries shown before confirmation questions.
  var summaries: [[String]] { state.withLock { $0.summaries } }

  func confirm(summary: [String], question: String) async -> Bool {
    state.withLock { state in
      state.prompts.append(question)
      state.summaries.append(summary)
      return state.confirmations.isEmpty ? false : state.confirmations.removeFirst()
    }
  }

  func readSecret(prompt: String) async -> String? {
    state.withLock { state in
      state.prompts.append(prompt)
      return state.secrets.isEmpty ? nil : state.secrets.removeFirst()
    }
  }

  func readLine(prompt: String) async -> String? {
    state.withLock { state in
      state.prompts.append(prompt)
      return state.lines.isEmpty ? nil : state.lines.removeFirst()
    }
  }
}
