import Foundation
import ImptCommands
import ImptLanguage
import ImptShell
import Testing

/// Every example of every command, run on a fresh sandbox after its setup lines.
@Suite struct CatalogueExampleTests {
  static let examples: [(String, CommandExample)] = CommandCatalogue.standard.commands
    .flatMap { spec in spec.examples.map { (spec.name, $0) } }

  @Test(arguments: examples.map { "\($0.0): \($0.1.line)" })
  func exampleRunsOnAFreshSandbox(_ label: String) async throws {
    guard let (_, example) = Self.examples.first(where: { "\($0.0): \($0.1.line)" == label })
    else { return }
    // Examples may write files (`build get`): give each its own empty working folder.
    let folder = NSTemporaryDirectory() + "imptsh-example-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let shell = try await ScriptedShell.onSandbox(workingFolder: folder)
    for line in example.setup {
      let setup = await shell.capture(line)
      #expect(setup.status == 0, "setup '\(line)' failed: \(setup.err)")
    }
    let result = await shell.capture(example.line)
    #expect(result.status == 0, "'\(example.line)' failed: \(result.err)")
  }

  @Test func everyCommandHasAnExample() {
    let bare = CommandCatalogue.standard.commands.filter(\.examples.isEmpty).map(\.name)
    #expect(bare.isEmpty, "commands without examples: \(bare)")
  }

  @Test func theCatalogueIsConsistent() {
    #expect(CommandCatalogue.standard.problems.isEmpty)
  }
}
