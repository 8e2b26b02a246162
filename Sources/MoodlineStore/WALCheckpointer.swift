import Foundation
import GRDB
import Synchronization

/// Copies the write-ahead log back into the database file on a thread and a connection of
/// its own, so the connection that commits never pays for it.
///
/// By default SQLite checkpoints inside whichever commit grows the log past 1,000 pages: that
/// commit takes 10–20 ms instead of tens of microseconds, and every alert queued behind it is
/// published late. With a checkpointer the committing connection never checkpoints
/// (`wal_autocheckpoint = 0`); this one runs PASSIVE checkpoints, which never wait for and never
/// block the writer, at a fixed interval. Once a checkpoint has copied the whole log, the next
/// commit starts the log file over, so it stays small.
final class WALCheckpointer: Sendable {
    private let connection: DatabaseQueue
    private let interval: Double
    private let state = Mutex(State())
    private let wake = NSCondition()
    private let stopped = DispatchSemaphore(value: 0)

    private struct State {
        var stopping = false
        var checkpoints = 0
        var failures = 0
    }

    /// Opens the checkpointing connection on `path`, which must already be in WAL mode, and
    /// starts checkpointing every `interval` seconds until ``stop()``.
    init(path: String, interval: Double) throws {
        var configuration = Configuration()
        configuration.label = "moodline.store.checkpointer"
        connection = try DatabaseQueue(path: path, configuration: configuration)
        self.interval = interval
        start()
    }

    /// Checkpoints run and checkpoints that failed (a failure is retried at the next interval).
    var counts: (checkpoints: Int, failures: Int) {
        state.withLock { ($0.checkpoints, $0.failures) }
    }

    private func start() {
        let thread = Thread { [self] in
            while !isStopping {
                checkpoint()
                wake.lock()
                if !isStopping { _ = wake.wait(until: Date(timeIntervalSinceNow: interval)) }
                wake.unlock()
            }
            try? connection.close()
            stopped.signal()
        }
        thread.name = "moodline.store-checkpointer"
        thread.start()
    }

    /// Stops the thread and closes its connection; returns once both are done.
    func stop() {
        let first = state.withLock { s in
            defer { s.stopping = true }
            return !s.stopping
        }
        guard first else { return }
        wake.lock()
        wake.broadcast()
        wake.unlock()
        stopped.wait()
    }

    private var isStopping: Bool { state.withLock { $0.stopping } }

    private func checkpoint() {
        do {
            try connection.writeWithoutTransaction { db in
                _ = try db.checkpoint(.passive)
            }
            state.withLock { $0.checkpoints += 1 }
        } catch {
            state.withLock { $0.failures += 1 }
        }
    }
}
