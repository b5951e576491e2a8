import ImpCentral
import ImptLanguage

/// The boundary every command action runs through.
///
/// It refuses secrets that history masked, hands the action its services and typed
/// arguments, and turns client errors into the user-facing errors the evaluator shows
/// with the command's position.
enum Action {
  /// Wraps a command body as a catalogue action.
  static func run(
    _ body: @escaping @Sendable (Arguments, any CommandServices) async throws -> Value
  ) -> CommandAction {
    { invocation, context in
      let services = try context.services()
      try MaskedSecret.check(invocation)
      do {
        return try await body(Arguments(invocation: invocation), services)
      } catch let error as ImpCentralError {
        throw CommandError(apiError: error)
      }
    }
  }
}

extension CommandError {
  /// The user-facing form of a client error: same id, message and help.
  init(apiError error: ImpCentralError) {
    var details: [String] = error.diagnostics.map { "\($0)" }
    if error.mayHaveTakenEffect {
      details.append("the request may or may not have taken effect")
    }
    let help = error.help.map { [$0] } ?? []
    self.init(
      error.id.rawValue, error.message, help: help.filter { !$0.isEmpty }, details: details)
  }
}

extension CommandError: UserFacingError {}
