import Foundation
import MoodlineEngine
import Testing
@testable import MoodlineStore

@Suite struct TicketStoreRecordTests {
    @Test func criticalAlertOpensATicketAtTheFirstTierWithADeadlineFromEventTime() throws {
        let store = try TicketStore.inMemory()
        let alert = makeAlert(ts: 1_000)
        let recorded = try store.record([alert], policy: .standard, now: 1_003)
        #expect(recorded.count == 1)
        #expect(recorded[0].isNew)
        #expect(recorded[0].ticketIsNew)
        let ticket = try #require(recorded[0].ticket)
        #expect(ticket.key == "call-0001/self_harm/1")
        #expect(ticket.tier == 0)
        #expect(ticket.tierName == "team_lead")
        #expect(ticket.deadline == 1_120)
        #expect(ticket.createdAt == 1_003)
        #expect(ticket.status == .open)
        #expect(ticket.alert == alert)
        // What record returned is what the store holds.
        #expect(try store.ticket(key: ticket.key) == ticket)
        let history = try store.history(key: ticket.key)
        #expect(history.map(\.action) == [.created])
        #expect(history.first?.tierName == "team_lead")
    }

    @Test func recordingTheSameAlertsAgainDuplicatesNothing() throws {
        let dir = try TemporaryDirectory()
        let batch = [makeAlert(), makeAlert(kind: .customerAnger, severity: .warning)]
        let first: Ticket
        do {
            let store = try TicketStore(path: dir.databasePath)
            let once = try store.record(batch, policy: .standard, now: 1_001)
            first = try #require(once[0].ticket)
            let twice = try store.record(batch, policy: .standard, now: 1_002)
            #expect(twice.map(\.isNew) == [false, false])
            #expect(twice[0].ticketIsNew == false)
            // The existing ticket comes back unchanged, created_at included.
            #expect(twice[0].ticket == first)
            #expect(try store.count("alerts") == 2)
            #expect(try store.count("tickets") == 1)
            #expect(try store.count("ticket_events") == 1)
            try store.close()
        }
        // A restart replays the stream into the same file.
        let store = try TicketStore(path: dir.databasePath)
        let again = try store.record(batch, policy: .standard, now: 1_003)
        #expect(again.map(\.isNew) == [false, false])
        #expect(again[0].ticket == first)
        #expect(try store.count("alerts") == 2)
        #expect(try store.count("tickets") == 1)
        #expect(try store.history(key: first.key).count == 1)
    }

    @Test func aDuplicateInsideOneBatchIsRecordedOnce() throws {
        let store = try TicketStore.inMemory()
        let alert = makeAlert()
        let recorded = try store.record([alert, alert], policy: .standard)
        #expect(recorded.map(\.isNew) == [true, false])
        #expect(recorded.map(\.ticketIsNew) == [true, false])
        #expect(recorded[1].ticket?.key == alert.ticketKey)
        #expect(try store.count("tickets") == 1)
    }

    @Test func nonCriticalAlertsAreStoredWithoutTickets() throws {
        let store = try TicketStore.inMemory()
        let recorded = try store.record(
            [makeAlert(severity: .info), makeAlert(kind: .churnThreat, severity: .warning)], policy: .standard
        )
        #expect(recorded.allSatisfy { $0.isNew && $0.ticket == nil && !$0.ticketIsNew })
        #expect(try store.count("alerts") == 2)
        #expect(try store.tickets().isEmpty)
        #expect(try store.openTicketCounts().isEmpty)
    }

    @Test func ticketSeveritiesOverrideThePolicy() throws {
        let store = try TicketStore.inMemory()
        let recorded = try store.record(
            [makeAlert(severity: .warning), makeAlert(kind: .abuse, severity: .info)],
            policy: .standard, ticketSeverities: [.warning, .critical]
        )
        #expect(recorded[0].ticketIsNew)
        #expect(recorded[1].ticket == nil)
    }

    @Test func aNonFiniteEventTimeIsRejectedBeforeAnythingIsWritten() throws {
        let store = try TicketStore.inMemory()
        let error = #expect(throws: StoreError.self) {
            try store.record([makeAlert(episode: 1), makeAlert(episode: 2, ts: .nan)], policy: .standard)
        }
        #expect(error?.code == .invalidArgument)
        #expect(try store.count("alerts") == 0)
    }

    @Test func nonFiniteScoresDoNotFailTheBatch() throws {
        let store = try TicketStore.inMemory()
        var alert = makeAlert()
        alert.scores.valence = .nan
        alert.scores.arousal = .infinity
        _ = try store.record([alert], policy: .standard)
        let stored = try #require(try store.alerts(session: alert.session).first)
        #expect(stored.scores.valence.isNaN)
        #expect(try store.ticket(key: alert.ticketKey)?.alert.scores.arousal == .infinity)
    }

    @Test func alertsRoundTripWithTheirEvidence() throws {
        let store = try TicketStore.inMemory()
        let a1 = makeAlert(kind: .customerAnger, severity: .warning, seq: 3, ts: 1_010)
        let a2 = makeAlert(kind: .selfHarm, seq: 2, ts: 1_005)
        let other = makeAlert(session: "chat-9", kind: .abuse, severity: .info, ts: 999)
        _ = try store.record([a1, a2, other], policy: .standard)
        #expect(try store.alerts(session: "call-0001") == [a2, a1])
        #expect(try store.alerts(limit: 2) == [other, a2])
        #expect(throws: StoreError.self) { try store.alerts(limit: 0) }
    }

    @Test func concurrentWritersLoseNothing() async throws {
        let dir = try TemporaryDirectory()
        let store = try TicketStore(path: dir.databasePath)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    for batch in 0..<10 {
                        let alerts = (0..<16).map { i in
                            makeAlert(session: "w\(worker)-b\(batch)-\(i)", episode: i + 1, ts: Double(i))
                        }
                        _ = try store.record(alerts, policy: .standard)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try store.count("alerts") == 4 * 10 * 16)
        #expect(try store.count("tickets") == 4 * 10 * 16)
        #expect(try store.openTicketCounts() == ["team_lead": 640])
    }
}
