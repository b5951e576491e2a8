import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension LineEditor {
  /// Sets emacs keys, the prompt callback, history, and the Tab and ^C bindings.
  func setUpEditing() {
    let owner = Unmanaged.passUnretained(self).toOpaque()
    _ = ceditline_set_clientdata(editLine, owner)
    _ = ceditline_set_prompt_esc(editLine, promptCallback, CChar(PromptMarkup.marker.asciiValue!))
    _ = ceditline_set_editor(editLine, "emacs")
    // libedit's own handlers keep the display right on resize (SIGWINCH) and put the
    // terminal back in cooked mode when a signal arrives while it edits.
    _ = ceditline_set_signal(editLine, 1)
    _ = ceditline_set_hist(editLine, history)

    _ = ceditline_addfn(editLine, "imptsh-complete", "complete the word", completeKey)
    _ = ceditline_bind(editLine, "^I", "imptsh-complete")
    _ = ceditline_addfn(editLine, "imptsh-interrupt", "discard the line", interruptKey)
    _ = ceditline_bind(editLine, "^C", "imptsh-interrupt")
    _ = ceditline_setty_edit(editLine, "-isig")
  }

  /// The editor that owns `editLine`, from libedit's client data.
  static func owner(of editLine: OpaquePointer?) -> LineEditor? {
    guard let editLine, let data = ceditline_get_clientdata(editLine) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
  }

  /// ^C: moves to the end, shows `^C`, and ends the line, which `readLine` discards.
  func interruptAtCursor() -> UInt8 {
    interruptKeyPressed = true
    if let info = el_line(editLine)?.pointee {
      // Bytes after the cursor bound the characters after it; libedit clamps the move.
      _ = el_cursor(editLine, Int32(clamping: info.lastchar - info.cursor))
    }
    _ = el_insertstr(editLine, "^C")
    el_push(editLine, "\n")
    return ceditline_cc_refresh()
  }

  /// Tab: asks the completer and inserts, lists or beeps.
  func completeAtCursor() -> UInt8 {
    guard let completer, let info = el_line(editLine)?.pointee else {
      return ceditline_cc_refresh_beep()
    }
    let bytes = UnsafeRawBufferPointer(start: info.buffer, count: info.cursor - info.buffer)
    let before = String(decoding: bytes, as: UTF8.self)
    let context = assembler.isContinuing ? assembler.text + "\n" + before : before
    let completion = completer.complete(context)

    switch completion.outcome {
    case .replace(let text):
      let length = completion.word.unicodeScalars.count
      guard length <= before.unicodeScalars.count else { return ceditline_cc_refresh_beep() }
      el_deletestr(editLine, Int32(length))
      _ = el_insertstr(editLine, text)
      return ceditline_cc_refresh()
    case .list(let words):
      let lines = ColumnLayout.lines(words, width: Terminal.width)
      fputs("\n" + lines.joined(separator: "\n") + "\n", ceditline_stdout())
      return ceditline_cc_redisplay()
    case .beep:
      return ceditline_cc_refresh_beep()
    }
  }
}

private let promptCallback: ceditline_prompt_fn = { editLine in
  LineEditor.owner(of: editLine)?.promptBuffer ?? emptyPrompt
}

/// A prompt for the moment before `readLine` sets one; never freed.
nonisolated(unsafe) private let emptyPrompt = strdup("")

private let completeKey: ceditline_cmd_fn = { editLine, _ in
  LineEditor.owner(of: editLine)?.completeAtCursor() ?? ceditline_cc_refresh_beep()
}

private let interruptKey: ceditline_cmd_fn = { editLine, _ in
  LineEditor.owner(of: editLine)?.interruptAtCursor() ?? ceditline_cc_norm()
}
