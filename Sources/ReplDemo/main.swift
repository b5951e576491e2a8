import Foundation

// A temporary driver of the terminal layer, until the real evaluator is wired up.
// scripts/test-interactive runs it under tmux.
exit(DemoShell(arguments: Array(CommandLine.arguments.dropFirst())).run())
