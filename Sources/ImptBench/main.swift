import Foundation

// Runs one named benchmark and prints its figures; `scripts/bench` runs them all.
// Each benchmark lives in its own file and is registered here by name.

let benchmarks: [String: @Sendable ([String]) async throws -> Void] = [
  "language-check": LanguageBenchmarks.parseAndCheck,
  "language-pipes": LanguageBenchmarks.pipes,
  "sandbox-list": SandboxBenchmarks.list,
  "http-list": HTTPBenchmarks.list,
  "http-guide": HTTPBenchmarks.guide,
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks[name] else {
  let names = benchmarks.keys.sorted().joined(separator: ", ")
  FileHandle.standardError.write(Data("usage: ImptBench NAME [ARG...]; names: \(names)\n".utf8))
  exit(2)
}
try await benchmark(Array(arguments.dropFirst()))
