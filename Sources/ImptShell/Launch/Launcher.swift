import Foundation
import ImpCentral
import ImptCommands
import ImptLanguage

/// The `imptsh` program: reads the command line and runs the shell, a script, a check,
/// or the sandbox server.
public enum Launcher {
  /// Runs imptsh with the given arguments (without the program name); returns the exit
  /// status.
  @available(*, noasync, message: "the launcher blocks the main thread")
  public static func run(_ arguments: [String]) -> Int32 {
    let output = StandardOutput()
    let options: LaunchOptions
    do {
      options = try LaunchOptions.parse(arguments)
    } catch {
      output.err("\(error)\n")
      return 2
    }
    switch options.mode {
    case .version:
      output.out("imptsh \(ShellModule.version)\n")
      return 0
    case .help:
      output.out(LaunchOptions.usage + "\n")
      return 0
    case .serve:
      return Server.run(options, output: output)
    default:
      return Session.run(options, output: output)
    }
  }
}
