import Foundation
import ImpCentral
import Testing

@testable import ImpCentralSandbox

@Suite struct StoreTests {
  @Test func failedTransactionRollsBack() throws {
    let db = try Database(path: ":memory:")
    try db.script("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try db.transaction {
        try db.execute("INSERT INTO t (name) VALUES (?)", ["a"])
        throw Stop()
      }
    }
    #expect(try db.first("SELECT count(*) FROM t") { $0.int(0) } == 0)
  }

  @Test func constraintErrorsCarryTheSQLiteCode() throws {
    let db = try Database(path: ":memory:")
    try db.script("CREATE TABLE t (name TEXT UNIQUE)")
    try db.execute("INSERT INTO t VALUES (?)", ["a"])
    do {
      try db.execute("INSERT INTO t VALUES (?)", ["a"])
      Issue.record("duplicate accepted")
    } catch {
      #expect(error.isConstraint)
      #expect(error.message.contains("UNIQUE"))
    }
  }

  @Test func valuesRoundTrip() throws {
    let db = try Database(path: ":memory:")
    try db.script("CREATE TABLE t (a TEXT, b INTEGER, c REAL, d TEXT)")
    try db.execute("INSERT INTO t VALUES (?, ?, ?, ?)", [.text("é\u{0}x"), 42, .real(1.5), nil])
    let row = try db.first("SELECT a, b, c, d FROM t") { ($0.text(0), $0.int(1), $0.isNull(3)) }
    #expect(row?.0 == "é\u{0}x")
    #expect(row?.1 == 42)
    #expect(row?.2 == true)
  }

  @Test func transactionsDoNotNest() throws {
    let db = try Database(path: ":memory:")
    #expect(throws: DatabaseError.self) {
      try db.transaction { try db.transaction {} }
    }
  }

  @Test func fileDatabaseKeepsDataAndSchemaVersion() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("sandbox-\(UUID().uuidString).sqlite").path
    defer {
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }
    let id: String
    do {
      let harness = try Harness(path: path)
      id = try harness.product("Kept")
    }
    let reopened = try Harness(path: path)
    #expect(reopened.call(.get, "/products/\(id)").attributes["name"] == "Kept")
    #expect(try reopened.sandbox.integrityCheck() == ["ok"])
    let db = try Database(path: path)
    #expect(try db.userVersion == Schema.version)
    #expect(try db.first("PRAGMA journal_mode") { $0.text(0) } == "wal")
  }

  @Test func newerSchemaIsRefused() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("sandbox-\(UUID().uuidString).sqlite").path
    defer {
      for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: path + suffix)
      }
    }
    try Database(path: path).setUserVersion(99)
    do {
      _ = try Sandbox(path: path)
      Issue.record("a newer schema opened")
    } catch {
      #expect(error.id == "sandbox.newerDatabase")
    }
  }

  @Test func failedRequestLeavesDatabaseUnchanged() throws {
    let harness = try Harness()
    let product = try harness.product()
    let group = try harness.group(.development, "G", product: product)
    _ = try harness.deploy(group, flagged: true)
    let before = try harness.sandbox.snapshot()
    let attempts = [
      harness.call(.delete, "/devicegroups/\(group)"),
      harness.call(.delete, "/products/\(product)"),
      harness.call(.post, "/products", Harness.document("product", ["name": "Product"])),
      harness.raw(.post, "/deployments", body: "{"),
    ]
    #expect(attempts.allSatisfy { !(200..<300).contains($0.status) })
    #expect(try harness.sandbox.snapshot() == before)
  }

  @Test func seededIdentifiersRepeatAcrossSandboxes() throws {
    let first = try Harness(seed: 3)
    let second = try Harness(seed: 3)
    #expect(try first.product("A") == second.product("A"))
    #expect(try first.sandbox.addDevices(count: 2) == second.sandbox.addDevices(count: 2))
  }
}

@Suite struct SupportTests {
  @Test(
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
    ])
  func sha256MatchesTheStandardVectors(input: String, digest: String) {
    #expect(SHA256.hex(input) == digest)
  }

  @Test func sha256HandlesLongInput() {
    #expect(
      SHA256.hex(String(repeating: "a", count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func jsonWriterMatchesFoundation() throws {
    let value: JSONValue = [
      "b": [1, 1.5, -2, true, .null], "a": "x/y \"q\" \n\u{1}é", "c": [:], "d": 1e20,
    ]
    let text = String(decoding: JSONWriter.data(value), as: UTF8.self)
    #expect(try JSONValue.parse(text) == value)
    #expect(text.hasPrefix(#"{"a":"x/y \"q\" \n\u0001é","b":[1,1.5,-2,true,null]"#))
  }

  @Test func timestampsAreMillisecondUTC() {
    #expect(Timestamp.string(from: Date(timeIntervalSince1970: 0.25)) == "1970-01-01T00:00:00.250Z")
  }
}
