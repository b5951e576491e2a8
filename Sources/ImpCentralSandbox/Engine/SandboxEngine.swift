import Foundation
import ImpCentral

/// The database and what goes with it; lives behind the sandbox's mutex.
final class SandboxEngine {
  let db: Database
  var configuration: SandboxConfiguration
  let clock: any WallClock
  let identifiers: any IdentifierSource
  private var sequence: UInt64 = 0

  /// Opens the database at `path`, creating and seeding the schema when it is new.
  init(
    path: String, configuration: SandboxConfiguration, clock: any WallClock,
    identifiers: any IdentifierSource
  ) throws {
    db = try Database(path: path)
    self.configuration = configuration
    self.clock = clock
    self.identifiers = identifiers
    try prepareSchema()
    sequence = try Self.storedSequence(db)
  }

  private func prepareSchema() throws {
    let version = try db.userVersion
    if version > Schema.version {
      throw SandboxError.newerDatabase(path: db.path, version: version)
    }
    guard version == 0 else { return }
    try db.transaction {
      try db.script(Schema.statements)
      try db.setUserVersion(Schema.version)
    }
    _ = try run(write: true) { tx in try Seeding.seed(tx) }
  }

  private static func storedSequence(_ db: Database) throws -> UInt64 {
    let text = try db.first("SELECT value FROM meta WHERE key = 'sequence'") { $0.text(0) }
    return text.flatMap(UInt64.init) ?? 0
  }

  /// Runs `body` in one transaction and returns its result with the effects to apply.
  ///
  /// A write transaction takes the write lock at once; the id sequence is saved with the
  /// data, and restored in memory when `body` throws.
  func run<T>(write: Bool, _ body: (Transaction) throws -> T) throws -> (T, [Effect]) {
    let tx = Transaction(
      db: db, configuration: configuration, now: clock.now(),
      identifiers: identifiers, sequence: sequence)
    let result = try db.transaction(immediate: write) {
      let value = try body(tx)
      if tx.sequence != sequence {
        try db.execute(
          "INSERT OR REPLACE INTO meta (key, value) VALUES ('sequence', ?)",
          [.text(String(tx.sequence))])
      }
      return value
    }
    sequence = tx.sequence
    return (result, tx.effects)
  }
}
