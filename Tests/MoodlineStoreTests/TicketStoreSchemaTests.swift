import Foundation
import GRDB
import Testing
@testable import MoodlineStore

@Suite struct TicketStoreSchemaTests {
    @Test func freshFileGetsEveryTableAndIndex() throws {
        let dir = try TemporaryDirectory()
        let store = try TicketStore(path: dir.databasePath)
        #expect(FileManager.default.fileExists(atPath: dir.databasePath))
        try store.writer.read { db in
            for table in ["tickets", "ticket_events", "alerts", "session_summaries"] {
                #expect(try db.tableExists(table), "missing table \(table)")
            }
            let indexes = try db.indexes(on: "tickets").map(\.name)
            #expect(indexes.contains("tickets_by_status_deadline"))
            #expect(indexes.contains("tickets_by_team_status"))
            #expect(indexes.contains("tickets_by_session_status"))
            #expect(try db.tableExists("ticket_alerts"))
            #expect(try db.tableExists("feedback"))
            #expect(try db.tableExists("speaker_baselines"))
            #expect(try TicketStore.migrator.appliedIdentifiers(db) == ["v1", "v2-incidents", "v3-feedback", "v4-baselines"])
            let alertColumns = Set(try db.columns(in: "alerts").map(\.name))
            #expect(alertColumns.isSuperset(of: ["session", "kind", "episode", "evidence_json", "smoothed_arousal"]))
        }
    }

    @Test func fileStoreRunsInWALMode() throws {
        let dir = try TemporaryDirectory()
        let store = try TicketStore(path: dir.databasePath)
        #expect(try store.journalMode() == "wal")
        _ = try store.record([makeAlert()], policy: .standard)
        #expect(FileManager.default.fileExists(atPath: dir.databasePath + "-wal"))
    }

    @Test func reopeningMigratesNothingTwice() throws {
        let dir = try TemporaryDirectory()
        do {
            let store = try TicketStore(path: dir.databasePath)
            _ = try store.record([makeAlert()], policy: .standard)
            try store.close()
        }
        let store = try TicketStore(path: dir.databasePath)
        #expect(try store.count("tickets") == 1)
        #expect(try store.count("grdb_migrations") == 4)
    }

    @Test func aFileFromBeforeIncidentsKeepsItsTicketsAndHistory() throws {
        let dir = try TemporaryDirectory()
        do {
            // The file as the previous release left it: only v1, one ticket with history.
            let queue = try DatabaseQueue(path: dir.databasePath)
            try TicketStore.migrator.migrate(queue, upTo: "v1")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO tickets (key, session, kind, severity, speaker, seq, ts, created_at, deadline, tier,
                        tier_name, status, alert_json)
                    VALUES ('s/abuse/1', 's', 'abuse', 'critical', 'customer', 1, 10, 10, 130, 0, 'team_lead', 'open', ?)
                    """, arguments: [JSONWriter.json(makeAlert(session: "s", kind: .abuse))])
                try db.execute(sql: """
                    INSERT INTO ticket_events (ticket_key, at, action, tier, tier_name) VALUES ('s/abuse/1', 10, 'created', 0, 'team_lead')
                    """)
            }
            try queue.close()
        }
        let store = try TicketStore(path: dir.databasePath)
        #expect(try store.ticket(key: "s/abuse/1")?.kinds == [.abuse])
        #expect(try store.history(key: "s/abuse/1").map(\.action) == [.created])
        // The widened history accepts the new actions, and the old ticket gathers its conversation.
        let joined = try store.record([makeAlert(session: "s", kind: .churnThreat, ts: 20)], policy: .standard)
        #expect(joined[0].ticketChange == .attached)
        #expect(try store.history(key: "s/abuse/1").map(\.action) == [.created, .attached])
    }

    @Test func inMemoryStoreHasTheSameSchema() throws {
        let store = try TicketStore.inMemory()
        #expect(store.path == nil)
        let recorded = try store.record([makeAlert()], policy: .standard)
        #expect(recorded.first?.ticketIsNew == true)
        #expect(try store.count("alerts") == 1)
    }

    @Test func missingDirectoryIsAnOpenErrorThatNamesThePath() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("no/such/dir/moodline.db").path
        let error = #expect(throws: StoreError.self) { try TicketStore(path: path) }
        #expect(error?.code == .cannotOpen)
        #expect(error?.path == path)
        #expect(error?.message.contains(path) == true)
        #expect(error?.message.contains("writable") == true)
    }

    @Test func fileThatIsNotADatabaseIsRejected() throws {
        let dir = try TemporaryDirectory()
        try Data(String(repeating: "not sqlite at all\n", count: 100).utf8).write(to: URL(fileURLWithPath: dir.databasePath))
        let error = #expect(throws: StoreError.self) { try TicketStore(path: dir.databasePath) }
        #expect(error?.code == .notADatabase)
        #expect(error?.path == dir.databasePath)
    }

    @Test func fileFromANewerVersionIsRefused() throws {
        let dir = try TemporaryDirectory()
        do {
            let store = try TicketStore(path: dir.databasePath)
            try store.writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-from-the-future')")
            }
            try store.close()
        }
        let error = #expect(throws: StoreError.self) { try TicketStore(path: dir.databasePath) }
        #expect(error?.code == .newerSchema)
    }
}

@Suite struct TicketStoreLifecycleTests {
    @Test func aClosedStoreFailsWithATypedError() throws {
        let dir = try TemporaryDirectory()
        let store = try TicketStore(path: dir.databasePath)
        try store.close()
        let error = #expect(throws: StoreError.self) { try store.tickets() }
        #expect(error?.code == .database)
        #expect(error?.message.contains("closed") == true)
        #expect(throws: StoreError.self) { try store.record([makeAlert()], policy: .standard) }
    }

    @Test func anUnusableBusyTimeoutIsRejected() throws {
        let dir = try TemporaryDirectory()
        let error = #expect(throws: StoreError.self) { try TicketStore(path: dir.databasePath, busyTimeout: .nan) }
        #expect(error?.code == .invalidArgument)
        #expect(!FileManager.default.fileExists(atPath: dir.databasePath))
    }

    @Test func twoStoresOnOneFileShareTicketsWithoutDuplicates() throws {
        let dir = try TemporaryDirectory()
        let a = try TicketStore(path: dir.databasePath)
        let b = try TicketStore(path: dir.databasePath)
        let alert = makeAlert()
        #expect(try a.record([alert], policy: .standard)[0].ticketIsNew)
        #expect(try b.record([alert], policy: .standard)[0].ticketIsNew == false)
        #expect(try a.escalateOverdue(now: 1_120, policy: .standard).count == 1)
        #expect(try b.escalateOverdue(now: 1_120, policy: .standard).isEmpty)
        #expect(try b.ticket(key: alert.ticketKey)?.tierName == "senior_support")
    }
}
