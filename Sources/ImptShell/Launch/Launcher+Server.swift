import Foundation
import ImpCentral
import ImpCentralSandbox

extension Launcher {
  /// `imptsh --serve`: the sandbox as impCentral API v5, and its admin API under
  /// `/sandbox/v1`, over HTTP until Ctrl-C.
  enum Server {
    @available(*, noasync)
    static func run(_ options: LaunchOptions, output: any OutputSink) -> Int32 {
      let environment = ProcessInfo.processInfo.environment
      let dataFolder = DataFolder(environment: environment)
      let path = options.sandbox ?? environment["IMPTSH_SANDBOX"] ?? dataFolder.sandboxPath
      let logger =
        options.debug
        ? Logger(label: "imptsh", level: .debug, handler: Logger.standardErrorHandler)
        : .disabled
      do {
        let settings = try ServeSettings(environment: environment)
        if path == dataFolder.sandboxPath { try dataFolder.create() }
        let sandbox = try Sandbox(
          path: path, configuration: settings.configuration,
          deliverer: HTTPWebhookDeliverer(), logger: logger.child("sandbox"))
        let server = SandboxHTTPServer(
          responder: sandbox, admin: SandboxAdminAPI(sandbox: sandbox),
          options: .init(host: options.host ?? "127.0.0.1", port: options.port),
          faults: try settings.faultPlan(), logger: logger.child("serve"))
        try server.start()
        sandbox.setBaseURL(server.baseURL.absoluteString)
        announce(server, path: path, settings: settings, output: output)
        waitForStop()
        server.stop()
        output.err("imptsh: stopped serving\n")
        return 0
      } catch {
        output.err("imptsh: cannot serve the sandbox: \(error)\n")
        return 1
      }
    }

    /// Prints the URL alone on standard output, for scripts, and how to use it on
    /// standard error.
    private static func announce(
      _ server: SandboxHTTPServer, path: String, settings: ServeSettings, output: any OutputSink
    ) {
      let account = SandboxAccounts.standard
      let url = server.baseURL.absoluteString
      let host = server.options.host
      let shown = host == "0.0.0.0" ? "<this machine's address>" : host
      let hosts =
        ServedSandbox.isLoopback(host: host) ? "" : "\(ServedSandbox.hostsVariable)=\(shown) "
      output.out("\(url)\n")
      output.err(
        """
        imptsh: serving the sandbox at \(path) as impCentral API v5
          \(hosts)imptsh --endpoint \(url)
          log in with 'auth login --user \(account.username) --pwd \(account.password)'
        \(notes(settings).map { "  " + $0 + "\n" }.joined())press Ctrl-C to stop

        """)
    }

    private static func notes(_ settings: ServeSettings) -> [String] {
      var notes: [String] = []
      let lifetime = settings.configuration.accessTokenLifetime
      if lifetime != SandboxConfiguration().accessTokenLifetime {
        notes.append("access tokens last \(Int(lifetime)) s")
      }
      if let limit = settings.configuration.rateLimit {
        notes.append("rate limit: \(limit.limit) requests per \(limit.window) s per token")
      }
      if !settings.faults.isEmpty { notes.append("faults to inject: \(settings.faults)") }
      return notes
    }

    /// Blocks until SIGINT or SIGTERM.
    private static func waitForStop() {
      var signals = sigset_t()
      sigemptyset(&signals)
      sigaddset(&signals, SIGINT)
      sigaddset(&signals, SIGTERM)
      pthread_sigmask(SIG_BLOCK, &signals, nil)
      var received: Int32 = 0
      sigwait(&signals, &received)
    }
  }
}
