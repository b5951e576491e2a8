import Foundation
import ImpCentral
import ImpCentralSandbox

extension Launcher {
  /// `imptsh --serve`: the sandbox as impCentral API v5 over HTTP until Ctrl-C.
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
        if path == dataFolder.sandboxPath { try dataFolder.create() }
        let sandbox = try Sandbox(
          path: path, deliverer: URLSessionWebhookDeliverer(), logger: logger.child("sandbox"))
        let faults = try FaultPlan(environment: environment)
        let server = SandboxHTTPServer(
          responder: sandbox,
          options: .init(host: options.host ?? "127.0.0.1", port: options.port),
          faults: faults, logger: logger.child("serve"))
        try server.start()
        sandbox.setBaseURL(server.baseURL.absoluteString)
        announce(server, path: path, output: output)
        waitForStop()
        server.stop()
        output.err("imptsh: stopped serving\n")
        return 0
      } catch {
        output.err("imptsh: cannot serve the sandbox: \(error)\n")
        return 1
      }
    }

    private static func announce(_ server: SandboxHTTPServer, path: String, output: any OutputSink)
    {
      let account = SandboxAccounts.standard
      output.out("\(server.baseURL.absoluteString)\n")
      output.err(
        """
        imptsh: serving the sandbox at \(path) as impCentral API v5
          imptsh --endpoint \(server.baseURL.absoluteString)
          log in with 'auth login --user \(account.username) --pwd \(account.password)'
        press Ctrl-C to stop

        """)
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
