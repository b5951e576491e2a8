import Foundation
import Testing

@testable import ImptShell

private struct Folder {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "imptsh-backend-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func save(_ file: AuthFile, as name: String) throws {
    try file.write(to: path + "/" + name)
  }

  func selector(
    sandbox: String? = nil, endpoint: String? = nil, environment: [String: String] = [:]
  ) -> BackendSelector {
    var environment = environment
    environment["HOME"] = path
    return BackendSelector(
      sandboxFlag: sandbox, endpointFlag: endpoint, environment: environment,
      workingFolder: path, dataFolder: DataFolder(environment: ["XDG_DATA_HOME": path + "/data"]))
  }
}

private let imptLogin = AuthFile(
  endpoint: "https://api.electricimp.com/v5", accessToken: "token-a",
  expiresAt: "2030-01-01T00:00:00.000Z", refreshToken: "refresh-a")

@Test func withNothingSavedTheDefaultSandboxIsUsed() throws {
  let folder = try Folder()
  let choice = try folder.selector().choose()
  #expect(choice == .sandbox(path: folder.path + "/data/imptsh/sandbox.sqlite", reason: "default"))
}

@Test func theSandboxFlagWinsOverEverything() throws {
  let folder = try Folder()
  try folder.save(imptLogin, as: ".impt.auth")
  let choice = try folder.selector(sandbox: ":memory:", environment: ["IMPT_LOGINKEY": "k"])
    .choose()
  #expect(choice == .sandbox(path: ":memory:", reason: "--sandbox"))
}

@Test func anImptLoginInTheHomeFolderIsPickedUp() throws {
  let folder = try Folder()
  try folder.save(imptLogin, as: ".impt.auth")
  let choice = try folder.selector().choose()
  let expected = BackendChoice.remote(
    endpoint: imptLogin.endpoint,
    login: .saved(path: folder.path + "/.impt.auth", file: imptLogin),
    reason: folder.path + "/.impt.auth")
  #expect(choice == expected)
}

@Test func imptEnvironmentVariablesComeBeforeSavedLogins() throws {
  let folder = try Folder()
  try folder.save(imptLogin, as: ".impt.auth")
  let environment = ["IMPT_USER": "ann", "IMPT_PASSWORD": "pw", "IMPT_ENDPOINT": "http://x/v5"]
  let choice = try folder.selector(environment: environment).choose()
  #expect(
    choice
      == .remote(endpoint: "http://x/v5", login: .user("ann", password: "pw"), reason: "IMPT_USER")
  )
}

@Test func anEndpointFlagUsesTheSavedLoginForThatEndpointOnly() throws {
  let folder = try Folder()
  try folder.save(imptLogin, as: ".impt.auth")
  let other = try folder.selector(endpoint: "http://127.0.0.1:9/v5").choose()
  #expect(other == .remote(endpoint: "http://127.0.0.1:9/v5", login: .none, reason: "--endpoint"))
  let same = try folder.selector(endpoint: "https://api.electricimp.com/v5/").choose()
  guard case .remote(_, .saved, _) = same else {
    Issue.record("expected the saved login, got \(same)")
    return
  }
}

@Test func aCorruptedSavedLoginIsReportedNotSkipped() throws {
  let folder = try Folder()
  FileManager.default.createFile(atPath: folder.path + "/.impt.auth", contents: Data("{".utf8))
  #expect(throws: AuthFileError.corrupted(path: folder.path + "/.impt.auth")) {
    try folder.selector().choose()
  }
}

@Test func savedLoginsAreWrittenReadableByTheOwnerOnly() throws {
  let folder = try Folder()
  try folder.save(imptLogin, as: "auth.json")
  let attributes = try FileManager.default.attributesOfItem(atPath: folder.path + "/auth.json")
  #expect((attributes[.posixPermissions] as? Int) == 0o600)
  #expect(try AuthFile.read(at: folder.path + "/auth.json") == imptLogin)
}
