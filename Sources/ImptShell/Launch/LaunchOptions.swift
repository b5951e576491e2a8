import ImptLanguage

/// What the `imptsh` command line asks for.
public struct LaunchOptions: Sendable, Equatable {
  /// What to do.
  public enum Mode: Sendable, Equatable {
    /// The interactive shell (or lines from a pipe).
    case shell
    /// Run a script file with arguments.
    case script(path: String, arguments: [String])
    /// Run lines given inline with `-c`.
    case inline(String)
    /// Parse and check a script without running it.
    case check(path: String)
    /// Serve the sandbox over HTTP.
    case serve
    case version
    case help
  }

  public var mode: Mode = .shell
  public var sandbox: String?
  public var endpoint: String?
  public var dryRun = false
  public var output: OutputFormat?
  public var noColor = false
  public var port: UInt16 = 0
  public var host: String?
  /// Log HTTP requests and sandbox statements to standard error.
  public var debug = false

  /// Creates default options.
  public init() {}

  /// Reads the arguments after the program name.
  public static func parse(_ arguments: [String]) throws(LaunchError) -> LaunchOptions {
    var parser = LaunchParser(words: arguments)
    return try parser.parse()
  }

  /// The usage text of `imptsh --help`.
  public static let usage = """
    usage: imptsh [OPTIONS]                     the interactive shell
           imptsh [OPTIONS] FILE.imptsh [ARG…]  run a script; ARGs are $1… and $args
           imptsh [OPTIONS] -c 'LINE; LINE'     run lines given inline
           imptsh --check FILE.imptsh           parse and check only, no API call
           imptsh --serve [--port N] [--host ADDRESS] [--sandbox PATH]
                                                serve the sandbox as impCentral API v5

    options:
      --sandbox PATH     use the sandbox database at PATH (':memory:' for a throwaway one)
      --endpoint URL     talk to an impCentral-compatible API over HTTP
      --dry-run          run reads, print the writes a script would make, change nothing
      --output MODE      table (the default), json or minimal
      --no-color         no colour, as when NO_COLOR is set
      --debug            log each API request to standard error
      --version          print the version
      --help             print this help

    --serve prints the URL to pass to --endpoint, on 127.0.0.1 unless --host names another
    address. Log in there as 'sandbox' with password 'sandbox'. 'sandbox' commands work on
    a served sandbox too, through its admin API at /sandbox/v1. Test settings:
      IMPTSH_SERVE_TOKEN_LIFETIME=SECONDS  how long access tokens last (default 3600)
      IMPTSH_SERVE_RATE_LIMIT=N/SECONDS    allow N requests per token in SECONDS
      IMPTSH_SERVE_FAULTS=LIST             fail the next /v5 requests: '429x2,500,drop',
                                           '429:3' (3 s reset), '500@POST', 'drop@/devices'
    A session asks an endpoint whether it is a served sandbox only when it is on this
    machine or its host is listed in IMPTSH_SANDBOX_HOSTS (comma-separated).

    Exit status: 0 success, 1 a command failed, 2 the input did not parse or check.
    """
}

/// A command line imptsh cannot use.
public struct LaunchError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public var description: String { "imptsh: \(message)\nhelp: Run 'imptsh --help' for usage." }
}

/// Reads the command line word by word.
private struct LaunchParser {
  var words: [String]
  var options = LaunchOptions()
  var index = 0

  mutating func parse() throws(LaunchError) -> LaunchOptions {
    while index < words.count {
      let word = words[index]
      index += 1
      if !word.hasPrefix("-") || word == "-" {
        options.mode = .script(path: word, arguments: Array(words[index...]))
        return options
      }
      try option(word)
    }
    return options
  }

  private mutating func option(_ word: String) throws(LaunchError) {
    switch word {
    case "-c": options.mode = .inline(try value(word))
    case "--check": options.mode = .check(path: try value(word))
    case "--serve": options.mode = .serve
    case "--sandbox": options.sandbox = try value(word)
    case "--endpoint": options.endpoint = try value(word)
    case "--dry-run": options.dryRun = true
    case "--no-color": options.noColor = true
    case "--debug": options.debug = true
    case "--version", "-v": options.mode = .version
    case "--help", "-h": options.mode = .help
    case "--host": options.host = try value(word)
    case "--port": options.port = try port(try value(word))
    case "--output", "-z": options.output = try format(try value(word))
    default:
      throw LaunchError(message: "unknown option '\(word)'")
    }
  }

  private mutating func value(_ word: String) throws(LaunchError) -> String {
    guard index < words.count else {
      throw LaunchError(message: "expected a value after '\(word)'")
    }
    index += 1
    return words[index - 1]
  }

  private func port(_ text: String) throws(LaunchError) -> UInt16 {
    guard let port = UInt16(text) else {
      throw LaunchError(message: "expected a port number from 0 to 65535, got '\(text)'")
    }
    return port
  }

  private func format(_ text: String) throws(LaunchError) -> OutputFormat {
    guard let format = OutputFormat(rawValue: text), format != .debug else {
      throw LaunchError(message: "expected table, json or minimal after '--output', got '\(text)'")
    }
    return format
  }
}
