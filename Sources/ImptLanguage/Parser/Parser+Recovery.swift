extension Parser {
  /// Skips to where parsing can resume: a newline or `;` (or `|` when `atPipe`) outside
  /// any brackets opened on the way, or a closing bracket that belongs to an enclosing
  /// construct. Lexical mistakes met on the way are still reported.
  mutating func synchronize(atPipe: Bool = false) {
    var opened: [Token] = []
    while true {
      switch current.kind {
      case .end:
        if let first = opened.first { reportUnclosed(first) }
        return
      case .newline, .semicolon:
        if opened.isEmpty { return }
      case .pipe:
        if opened.isEmpty && atPipe { return }
      case .closeBrace, .closeParen, .closeBracket:
        if opened.isEmpty { return }
        opened.removeLast()
      case .openBrace, .openParen, .openBracket:
        opened.append(current)
      case .invalid(let issue):
        report(issue)
      default:
        break
      }
      advance()
    }
  }

  /// Skips a bracketed group from its opening token through its match, for input nested
  /// too deeply to parse.
  mutating func skipGroup() {
    var level = 0
    let open = current
    repeat {
      switch current.kind {
      case .openBrace, .openParen, .openBracket: level += 1
      case .closeBrace, .closeParen, .closeBracket: level -= 1
      case .end:
        reportUnclosed(open)
        return
      default: break
      }
      advance()
    } while level > 0
  }

  /// Reports an opening bracket that is never closed.
  mutating func reportUnclosed(_ open: Token) {
    switch open.kind {
    case .openParen: report(.unclosed("(", ")"), at: open.range)
    case .openBracket: report(.unclosed("[", "]"), at: open.range)
    default: report(.unclosed("{", "}"), at: open.range)
    }
  }

  /// Enters one level of nesting, or reports that the input nests too deeply and skips
  /// the group at the current token.
  mutating func enterNesting() -> Bool {
    guard depth < Self.depthLimit else {
      report(.tooDeep, at: current.range)
      skipGroup()
      return false
    }
    depth += 1
    return true
  }

  /// Leaves a level entered with `enterNesting`.
  mutating func leaveNesting() {
    depth -= 1
  }
}
