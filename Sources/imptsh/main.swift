import Foundation
import ImptShell

exit(Launcher.run(Array(CommandLine.arguments.dropFirst())))
