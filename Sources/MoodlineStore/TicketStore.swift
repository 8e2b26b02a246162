import Foundation
import GRDB
import MoodlineEngine

/// The SQLite store of alerts, urgent tickets, their history and session summaries.
///
/// Every method is synchronous and safe to call from any thread: SQLite writes are
/// serialised by GRDB, and reads on a file run concurrently with writes (WAL).
public final class TicketStore: Sendable {
    /// How hard a commit works to survive a crash.
    public enum Durability: Sendable {
        /// Every commit is synced to disk: survives a power loss or kernel crash.
        case full
        /// Commits survive the process dying; a power loss may drop the last few.
        case normal
    }

    /// Who copies the write-ahead log back into the database file.
    public enum Checkpointing: Sendable, Equatable {
        /// SQLite's default: the commit that grows the log past 1,000 pages does it, and takes
        /// milliseconds longer. Right for short-lived and occasional writers.
        case inline
        /// A thread and connection of the store's own, every `interval` seconds, so commits
        /// never wait for a checkpoint. For a long-running writer whose commits are on a
        /// latency budget (the server).
        case background(interval: Double)
    }

    /// The database file, or `nil` for an in-memory store.
    public let path: String?
    let writer: any DatabaseWriter
    private let checkpointer: WALCheckpointer?
    /// The alerts of open tickets, so escalations need not decode them (see ``AlertCache``).
    let openTicketAlerts = AlertCache()

    /// Opens (creating if needed) the store at `path` in WAL mode and brings its schema up to date.
    ///
    /// - Parameters:
    ///   - busyTimeout: Seconds to wait for another process holding the write lock
    ///     (several instances on one file) before failing.
    ///   - checkpointing: Who copies the write-ahead log into the file; `.inline` (SQLite's own)
    ///     by default, `.background(interval:)` for a long-running writer.
    public convenience init(
        path: String, durability: Durability = .full, busyTimeout: Double = 5, checkpointing: Checkpointing = .inline
    ) throws(StoreError) {
        // GRDB converts the timeout to whole milliseconds; NaN or a huge value would trap there.
        guard busyTimeout.isFinite, (0...86_400).contains(busyTimeout) else {
            throw StoreError(.invalidArgument, "busy timeout \(busyTimeout) s is out of range — use 0 to 86400 seconds", path: path)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "moodline.store"
        if case .background(let interval) = checkpointing, !(interval.isFinite && interval > 0 && interval <= 3600) {
            throw StoreError(.invalidArgument, "checkpoint interval \(interval) s is out of range — use more than 0 and at most 3600 seconds", path: path)
        }
        let synchronous = durability == .full ? "FULL" : "NORMAL"
        let autocheckpoint = checkpointing == .inline ? "" : "PRAGMA wal_autocheckpoint = 0;"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous); \(autocheckpoint)")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.openError(error, path: path)
        }
        // Opened after the pool, which has put the file in WAL mode.
        var checkpointer: WALCheckpointer?
        if case .background(let interval) = checkpointing {
            do {
                checkpointer = try WALCheckpointer(path: path, interval: interval)
            } catch {
                throw Self.openError(error, path: path)
            }
        }
        try self.init(writer: pool, path: path, checkpointer: checkpointer)
    }

    /// An empty store that lives in memory only, for tests and replays.
    public static func inMemory() throws(StoreError) -> TicketStore {
        var configuration = Configuration()
        configuration.label = "moodline.store.memory"
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: configuration)
        } catch {
            throw openError(error, path: ":memory:")
        }
        return try TicketStore(writer: queue, path: nil, checkpointer: nil)
    }

    private init(writer: any DatabaseWriter, path: String?, checkpointer: WALCheckpointer?) throws(StoreError) {
        self.writer = writer
        self.path = path
        self.checkpointer = checkpointer
        do {
            try migrate()
        } catch {
            checkpointer?.stop()
            throw error
        }
    }

    deinit {
        // A store dropped without close() must not leave its checkpointing thread behind.
        checkpointer?.stop()
    }

    /// Checkpoints run by the background checkpointer and checkpoints that failed; nil when
    /// the store checkpoints inline.
    public var backgroundCheckpoints: (completed: Int, failed: Int)? {
        checkpointer.map { c in let n = c.counts; return (n.checkpoints, n.failures) }
    }

    /// Closes the database; later calls fail with `StoreError.Code.database`.
    public func close() throws(StoreError) {
        // First, so the pool's connection is the last one and leaves the file checkpointed.
        checkpointer?.stop()
        do {
            try writer.close()
        } catch {
            throw mapped(error)
        }
    }

    /// The SQLite journal mode in effect (`wal` for a file store).
    public func journalMode() throws(StoreError) -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    private static func openError(_ error: any Error, path: String) -> StoreError {
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_NOTADB {
            return StoreError(
                .notADatabase,
                "\(path) is not an SQLite database — move it away or point the store at another file",
                path: path
            )
        }
        let reason = (error as? DatabaseError)?.message ?? "\(error)"
        return StoreError(
            .cannotOpen,
            "cannot open database at \(path): \(reason) — check the directory exists and is writable",
            path: path
        )
    }

    // MARK: - Transactions

    /// Runs `body` in one write transaction, turning every failure into a `StoreError`.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(body)
        } catch {
            throw mapped(error)
        }
    }

    /// Runs `body` on a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw mapped(error)
        }
    }

    func mapped(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as DatabaseError where error.resultCode == .SQLITE_NOTADB:
            return StoreError(.notADatabase, "\(path ?? ":memory:") is not an SQLite database — move it away or point the store at another file", path: path)
        case let error as DatabaseError where error.resultCode == .SQLITE_BUSY:
            return StoreError(.database, "the database is locked by another process — retry, or raise the busy timeout", path: path)
        case let error as DatabaseError where error.resultCode == .SQLITE_MISUSE && error.message == "Connection is closed":
            return StoreError(.database, "the store is closed — open a new TicketStore", path: path)
        case let error as DatabaseError where error.resultCode == .SQLITE_FULL:
            return StoreError(.database, "the disk holding the database is full — free space and retry", path: path)
        case let error as DatabaseError:
            return StoreError(.database, "SQLite error: \(error.message ?? "\(error.resultCode)") — check the file and disk (permissions, space)", path: path)
        case let error as RowDecodingError:
            return StoreError(.unreadableRow, "a stored row cannot be read: \(error) — the file may come from another version", path: path)
        default:
            return StoreError(.database, "\(error)", path: path)
        }
    }
}
