import ImptLanguage

/// Explains a failure to reach the backend: which endpoint is in use, why, and how to
/// get back to the sandbox.
///
/// A login saved long ago (perhaps to a trainer's sandbox that is gone) makes every later
/// session start on its endpoint; without this, nothing says why imptsh keeps calling it.
struct BackendHelp {
  let connection: Connection

  /// The failure ids of an endpoint that did not answer.
  static let unreachable: Set<String> = ["transport.connectionFailed", "transport.timedOut"]

  /// The diagnostic, with a `help:` line about the backend when it says the endpoint did
  /// not answer.
  func explained(_ diagnostic: Diagnostic) -> Diagnostic {
    guard Self.unreachable.contains(diagnostic.id), let line = help else { return diagnostic }
    var copy = diagnostic
    copy.help.append(line)
    return copy
  }

  /// Why the session uses its endpoint and how to leave it, as a sentence; nil on the
  /// embedded sandbox.
  var help: String? {
    guard let endpoint = connection.endpoint else { return nil }
    let sandbox = "'imptsh --sandbox PATH' uses a sandbox instead"
    if let path = connection.savedLoginPath {
      return "imptsh is using the login saved in \(path) for \(endpoint); 'auth logout' "
        + "forgets it and \(sandbox)."
    }
    switch connection.reason {
    case "--endpoint"?:
      return "imptsh is using \(endpoint) because it was started with --endpoint; \(sandbox)."
    case let variable? where variable.hasPrefix("IMPT_"):
      return "imptsh is using \(endpoint) because \(variable) is set; unset it, or \(sandbox)."
    default:
      return "imptsh is using \(endpoint); \(sandbox)."
    }
  }
}
