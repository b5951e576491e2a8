/// The one error the impCentral client throws, whatever went wrong.
///
/// `id` is stable and tests name it; `message` is in our voice and keeps the service's
/// own words (error titles and details) verbatim. No message ever holds a secret.
public struct ImpCentralError: Error, Sendable, CustomStringConvertible {
  /// The stable identity of a failure, named `layer.failure`.
  public enum Code: String, Sendable, Hashable, CaseIterable {
    case notFound = "api.notFound"
    case conflict = "api.conflict"
    case validation = "api.validation"
    case unauthorized = "api.unauthorized"
    case forbidden = "api.forbidden"
    case rateLimited = "api.rateLimited"
    case server = "api.server"
    case unexpectedResponse = "api.unexpectedResponse"
    case invalidArgument = "client.invalidArgument"
    case connectionFailed = "transport.connectionFailed"
    case timedOut = "transport.timedOut"
    case cancelled = "transport.cancelled"
  }

  /// What kind of failure this is.
  public var id: Code
  /// What went wrong: lowercase start, no final period, no secrets.
  public var message: String
  /// A full sentence saying how to recover, shown on its own `help:` line.
  public var help: String?
  /// The HTTP status of the response that carried the failure, if one arrived.
  public var status: Int?
  /// The error objects of the response's error document, in order.
  public var errors: [APIErrorObject]
  /// For `client.invalidArgument`: the argument that was refused, such as `name`.
  public var argument: String?
  /// The one-line summary of the operation that failed, when there was one.
  public var operation: String?
  /// Whether a request that failed in transit may still have taken effect.
  public var mayHaveTakenEffect: Bool
  /// The failure underneath, such as a `TransportError`.
  public var cause: (any Error)?

  /// Creates an error.
  public init(
    _ id: Code,
    _ message: String,
    help: String? = nil,
    status: Int? = nil,
    errors: [APIErrorObject] = [],
    argument: String? = nil,
    operation: String? = nil,
    mayHaveTakenEffect: Bool = false,
    cause: (any Error)? = nil
  ) {
    self.id = id
    self.message = message
    self.help = help
    self.status = status
    self.errors = errors
    self.argument = argument
    self.operation = operation
    self.mayHaveTakenEffect = mayHaveTakenEffect
    self.cause = cause
  }

  /// The message, followed by the help line when there is one.
  public var description: String {
    guard let help else { return message }
    return message + "\nhelp: " + help
  }

  /// Compiler diagnostics the service attached to the error objects, in order.
  public var diagnostics: [CompileDiagnostic] { errors.flatMap(\.diagnostics) }

  /// Whether the service refused a batch because every item in it was not found.
  ///
  /// Unassigning devices that are already unassigned answers this way: a 400 whose error
  /// objects each carry status 404.
  public var isBatchOfNotFound: Bool {
    !errors.isEmpty && errors.allSatisfy { $0.status == 404 }
  }
}

extension ImpCentralError {
  /// A refusal before sending: `argument` did not hold what the operation needs.
  static func invalidArgument(
    _ argument: String, _ message: String, help: String? = nil
  ) -> ImpCentralError {
    ImpCentralError(.invalidArgument, message, help: help, argument: argument)
  }

  /// A response whose content the client could not read.
  static func unexpected(_ message: String, status: Int? = nil) -> ImpCentralError {
    ImpCentralError(
      .unexpectedResponse, message,
      help: "This is probably an imptsh bug or an incompatible service; please report it.",
      status: status)
  }

  /// The error with the operation's summary attached, unless it already has one.
  func during(_ summary: String) -> ImpCentralError {
    var copy = self
    if copy.operation == nil { copy.operation = summary }
    return copy
  }
}
