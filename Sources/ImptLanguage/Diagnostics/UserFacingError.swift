/// An error whose message is written for the user, with a stable id and help.
///
/// Command actions throw these (API errors, missing entities); the evaluator shows them
/// with the range of the command that failed. Any other error is shown as a failure of
/// the command with the error's description.
public protocol UserFacingError: Error {
  /// The stable id: `api.notFound`.
  var id: String { get }
  /// One line, lowercase, no final period; never holds a secret.
  var message: String { get }
  /// Remedies, each a full sentence.
  var help: [String] { get }
  /// Lines shown under the message as notes, such as the candidates of an ambiguous name.
  var details: [String] { get }
}

extension UserFacingError {
  public var help: [String] { [] }
  public var details: [String] { [] }
}
