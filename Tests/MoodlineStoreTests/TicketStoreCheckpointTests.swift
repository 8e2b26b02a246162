import Foundation
import MoodlineEngine
import Testing
@testable import MoodlineStore

@Suite struct TicketStoreCheckpointTests {
    /// The database file alone (without its `-wal`), copied next to it and opened: what a
    /// checkpoint has moved out of the log.
    private func ticketsInMainFile(of dir: borrowing TemporaryDirectory) throws -> Int {
        let copy = dir.url.appendingPathComponent("main-file-only.db").path
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: dir.databasePath, toPath: copy)
        let store = try TicketStore(path: copy)
        defer { try? store.close() }
        return try store.tickets().count
    }

    @Test func backgroundCheckpointsMoveCommitsIntoTheDatabaseFile() throws {
        let dir = try TemporaryDirectory()
        let store = try TicketStore(path: dir.databasePath, checkpointing: .background(interval: 0.02))
        defer { try? store.close() }
        _ = try store.record([makeAlert(session: "s1", episode: 1), makeAlert(session: "s2", episode: 2)], policy: .standard)
        let before = store.backgroundCheckpoints?.completed ?? 0
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while (store.backgroundCheckpoints?.completed ?? 0) < before + 2, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect((store.backgroundCheckpoints?.completed ?? 0) >= before + 2)
        #expect(store.backgroundCheckpoints?.failed == 0)
        #expect(try ticketsInMainFile(of: dir) == 2)
    }

    @Test func inlineCheckpointingLeavesSmallCommitsInTheLog() throws {
        // The contrast that shows the test above measures the checkpointer: SQLite's own
        // checkpoint waits for 1,000 pages of log, so two tickets stay in the -wal file.
        let dir = try TemporaryDirectory()
        let store = try TicketStore(path: dir.databasePath)
        defer { try? store.close() }
        _ = try store.record([makeAlert(session: "s1", episode: 1), makeAlert(session: "s2", episode: 2)], policy: .standard)
        #expect(store.backgroundCheckpoints == nil)
        #expect(try ticketsInMainFile(of: dir) == 0)
    }

    @Test func closingStopsTheCheckpointerAndKeepsEverything() throws {
        let dir = try TemporaryDirectory()
        do {
            let store = try TicketStore(path: dir.databasePath, checkpointing: .background(interval: 3600))
            _ = try store.record([makeAlert(episode: 1)], policy: .standard)
            try store.close()
        }
        let reopened = try TicketStore(path: dir.databasePath)
        #expect(try reopened.tickets().count == 1)
    }

    @Test(arguments: [0.0, -1, .nan, .infinity, 7200])
    func rejectsAnIntervalOutOfRange(_ interval: Double) throws {
        let dir = try TemporaryDirectory()
        #expect(throws: StoreError.self) {
            _ = try TicketStore(path: dir.databasePath, checkpointing: .background(interval: interval))
        }
    }
}
