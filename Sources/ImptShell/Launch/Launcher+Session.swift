import Foundation
import ImpCentral
import ImptCommands
import ImptLanguage

extension Launcher {
  /// Opens a session and runs the shell, a script, inline lines or a check in it.
  enum Session {
    @available(*, noasync)
    static func run(_ options: LaunchOptions, output: any OutputSink) -> Int32 {
      let environment = ProcessInfo.processInfo.environment
      let setup = SessionSetup(options: options, environment: environment, output: output)
      let source: (text: String, file: String)?
      do {
        source = try setup.source()
      } catch {
        output.err("imptsh: \(error)\n")
        return 2
      }
      if case .check = options.mode, let source {
        return setup.check(source.text, file: source.file)
      }
      let session: ShellSession
      do {
        session = try runBlocking { try await setup.open() }
      } catch {
        output.err(ErrorText.describe(error) + "\n")
        return 1
      }
      let status =
        if let source {
          setup.runScript(session, source.text, file: source.file)
        } else {
          REPL(session: session, setup: setup).run()
        }
      setup.finish(session)
      return status
    }
  }
}

/// Renders errors that stop imptsh before or between statements.
enum ErrorText {
  /// `error: MESSAGE` with `help:` lines for user-facing errors; control characters show
  /// as escapes.
  static func describe(_ error: any Error) -> String {
    if let error = error as? any UserFacingError {
      let details = (error as? CommandError)?.details.map { "  " + $0 } ?? []
      return (["error: " + error.message] + details + error.help.map { "help: " + $0 })
        .joined(separator: "\n").escapingControlCharacters
    }
    return "error: \(error)".escapingControlCharacters
  }
}
