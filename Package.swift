// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "imptsh",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "imptsh", targets: ["imptsh"])
  ],
  targets: [
    .target(
      name: "CEditLine",
      linkerSettings: [.linkedLibrary("edit")]
    ),
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    .target(
      name: "CMicroHTTPD",
      linkerSettings: [.linkedLibrary("microhttpd")]
    ),
    .target(
      name: "CCurl",
      linkerSettings: [.linkedLibrary("curl")]
    ),
    .target(name: "ImpCentral", dependencies: ["CCurl"]),
    .target(
      name: "ImpCentralSandbox",
      dependencies: ["ImpCentral", "CSQLite", "CMicroHTTPD"]
    ),
    .target(name: "ImptLanguage", dependencies: ["ImpCentral"]),
    .target(name: "ImptCommands", dependencies: ["ImptLanguage", "ImpCentral"]),
    .target(
      name: "ImptShell",
      dependencies: [
        "ImptCommands", "ImptLanguage", "ImpCentral", "ImpCentralSandbox", "CEditLine",
      ]
    ),
    .executableTarget(name: "imptsh", dependencies: ["ImptShell"]),
    .executableTarget(name: "FuzzLanguage", dependencies: ["ImptLanguage", "ImptCommands"]),
    .executableTarget(
      name: "ImptBench",
      dependencies: ["ImptShell", "ImptLanguage", "ImpCentral", "ImpCentralSandbox"]
    ),
    .executableTarget(
      name: "SandboxCrashProbe", dependencies: ["ImpCentralSandbox", "ImpCentral"]),
    .testTarget(name: "ImpCentralTests", dependencies: ["ImpCentral", "CCurl"]),
    .testTarget(
      name: "ImpCentralSandboxTests",
      dependencies: ["ImpCentralSandbox", "ImpCentral", "SandboxCrashProbe"]
    ),
    .testTarget(name: "ImptLanguageTests", dependencies: ["ImptLanguage"]),
    .testTarget(
      name: "ImptCommandsTests",
      dependencies: [
        "ImptCommands", "ImptShell", "ImpCentralSandbox", "ImpCentral", "ImptLanguage",
      ]),
    .testTarget(
      name: "ImptShellTests",
      dependencies: ["ImptShell", "ImptLanguage", "ImpCentral"]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["ImptShell", "ImpCentralSandbox", "ImpCentral"]
    ),
  ]
)
