import ImpCentral

/// What the sandbox reads from deployed Squirrel: its literal log calls and its brackets.
enum SquirrelCode {
  /// A `server.log("…")` or `server.error("…")` call with a literal argument.
  struct LogCall: Equatable {
    var isError: Bool
    var text: String
  }

  /// The literal log calls in `source`, in order.
  ///
  /// `server.log("up"); server.error("bad"); server.log(x)` gives `up` and `bad` (error).
  static func logCalls(_ source: String) -> [LogCall] {
    let tokens = SquirrelScanner(source).tokens
    guard tokens.count >= 6 else { return [] }
    var calls: [LogCall] = []
    for start in 0...(tokens.count - 6) {
      let window = tokens[start..<start + 6].map(\.text)
      guard tokens[start].kind == .identifier, window[0] == "server", window[1] == ".",
        window[2] == "log" || window[2] == "error", window[3] == "(",
        tokens[start + 4].kind == .string, window[5] == ")"
      else { continue }
      calls.append(LogCall(isError: window[2] == "error", text: window[4]))
    }
    return calls
  }

  /// Whether `source` installs a `server.onshutdown` handler.
  static func handlesShutdown(_ source: String) -> Bool {
    let tokens = SquirrelScanner(source).tokens.map(\.text)
    guard tokens.count >= 3 else { return false }
    return (0...(tokens.count - 3)).contains {
      tokens[$0] == "server" && tokens[$0 + 1] == "." && tokens[$0 + 2] == "onshutdown"
    }
  }

  /// The first reason `source` cannot compile: an unterminated literal or comment, or
  /// unbalanced brackets.
  static func problem(in source: String) -> SquirrelProblem? {
    let scanner = SquirrelScanner(source)
    if let problem = scanner.problem { return problem }
    var open: [SquirrelToken] = []
    let pairs: [String: String] = [")": "(", "]": "[", "}": "{"]
    for token in scanner.tokens where token.kind == .punctuation {
      if ["(", "[", "{"].contains(token.text) {
        open.append(token)
      } else if let opener = pairs[token.text] {
        guard let last = open.popLast(), last.text == opener else {
          return SquirrelProblem(
            message: "'\(token.text)' does not close any open '\(opener)'", line: token.line,
            column: token.column)
        }
      }
    }
    guard let unclosed = open.last else { return nil }
    return SquirrelProblem(
      message: "'\(unclosed.text)' is never closed", line: unclosed.line, column: unclosed.column)
  }

  /// The compilation-error rows for a deployment's two files, empty when both compile.
  static func compilationErrors(deviceCode: String, agentCode: String) -> [JSONValue] {
    [("device_code", deviceCode), ("agent_code", agentCode)].compactMap { file, source in
      guard let problem = problem(in: source) else { return nil }
      return [
        "file": .string(file), "type": "syntax", "row": .number(Double(problem.line)),
        "column": .number(Double(problem.column)), "text": .string(problem.message),
      ]
    }
  }
}
