import Foundation
import GRDB

/// The sandbox's SQLite file. WAL mode lets readers run beside the one writer; every write is one
/// transaction (GRDB opens pool writes IMMEDIATE), so a killed process leaves either the whole change or none of it, and a second
/// process on the same file waits for the lock (busy timeout) instead of corrupting or failing.
public final class SandboxDatabase: Sendable {
    public let path: String
    let pool: DatabasePool

    /// The modules whose tables live in this database, in dependency order.
    static let modules: [any SandboxModule.Type] = SandboxModules.all

    /// Opens (creating when needed) the database at `path`, applies the schema and, when the file is new,
    /// the given seed.
    public static func open(path: String, seedIfNew seed: SandboxSeed = .demo) async throws -> SandboxDatabase {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try makeDirectory(directory) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(15)
        configuration.label = "memberdeck.sandbox"
        let pool = try await openPool(path: path, configuration: configuration)
        // The file holds the sandbox's demo passwords and tokens: readable by its owner only.
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path + suffix)
        }
        let database = SandboxDatabase(path: path, pool: pool)
        try await database.migrate()
        try await database.seedIfNew(seed)
        return database
    }

    /// `mkdir -p` with mode 0700, reporting the system's reason (not Foundation's generic one).
    private static func makeDirectory(_ directory: String) throws {
        var path = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o700) != 0, errno != EEXIST {
                let reason = String(cString: strerror(errno))
                throw SandboxDatabaseError(message: "cannot create the folder \(path) for the sandbox data: \(reason)")
            }
        }
    }

    /// Opens the pool. Switching a new file to WAL takes an exclusive lock that the busy timeout does
    /// not cover, so a second process opening the same new file at that moment is told "database is
    /// locked": it tries again for a few seconds before giving up.
    private static func openPool(path: String, configuration: Configuration) async throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 50 {
                attempt += 1
                try await Task.sleep(nanoseconds: 100_000_000)
            } catch {
                throw SandboxDatabaseError(message: "cannot open sandbox data \(path): \(describe(error))")
            }
        }
    }

    init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// Reads in a snapshot.
    public func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.read(body)
    }

    /// Writes in one transaction: all or nothing.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.write(body)
    }

    /// Empties every table and inserts `seed` again, in one transaction; then removes the files the
    /// modules keep beside the database (image data), which no row names any more.
    public func reset(to seed: SandboxSeed) async throws {
        try await pool.write { db in
            for module in Self.modules.reversed() {
                for table in module.tables { try db.execute(sql: "DELETE FROM \(table)") }
            }
            try Self.applySeed(seed, in: db)
        }
        for module in Self.modules { try module.removeFiles(of: self) }
    }

    /// The seed the data started from (`demo` or `empty`), or nil before seeding.
    public func seedName() async throws -> String? {
        try await pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM sandbox_meta WHERE key = 'seed'") }
    }

    /// SQLite's own check of the file ("ok" when sound).
    public func integrityCheck() async throws -> String {
        try await pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    private func migrate() async throws {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("sandbox.meta") { db in
            try db.execute(sql: "CREATE TABLE sandbox_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
        }
        for module in Self.modules { module.registerMigrations(in: &migrator) }
        do {
            try migrator.migrate(pool)
        } catch {
            // Two processes opening a new file at once: the loser of the race finds the tables made by the
            // winner. Reading the applied migrations again settles it.
            try await Task.sleep(nanoseconds: 200_000_000)
            do { try migrator.migrate(pool) } catch {
                throw SandboxDatabaseError(message: "cannot prepare sandbox data \(path): \(Self.describe(error))")
            }
        }
    }

    private func seedIfNew(_ seed: SandboxSeed) async throws {
        try await pool.write { db in
            let seeded = try String.fetchOne(db, sql: "SELECT value FROM sandbox_meta WHERE key = 'seed'")
            if seeded == nil { try Self.applySeed(seed, in: db) }
        }
    }

    private static func applySeed(_ seed: SandboxSeed, in db: Database) throws {
        for module in modules { try module.seed(seed, in: db) }
        try db.execute(sql: "INSERT OR REPLACE INTO sandbox_meta (key, value) VALUES ('seed', ?)", arguments: [seed.rawValue])
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}

public struct SandboxDatabaseError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
