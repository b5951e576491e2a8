/// The shell: session, REPL, script runner and rendering.
public enum ShellModule {
  /// The imptsh version.
  public static let version = "0.1.0"
}
