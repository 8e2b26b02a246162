import MoodlineEngine
import Testing
@testable import MoodlineStore

@Suite struct TicketStorePersistenceTests {
    @Test func everythingCommittedIsThereAfterReopening() throws {
        let dir = try TemporaryDirectory()
        let alerts = [makeAlert(episode: 1), makeAlert(session: "call-0002", episode: 2), makeAlert(kind: .customerAnger, severity: .warning)]
        let summary = SessionSummary(session: "call-0001", agent: "a-102", team: "t-7", channel: .voice,
                                     startTs: 900, endTs: 1_300, endReason: .ended, fragments: 40,
                                     customerValenceMin: -0.9, alerts: ["self_harm": 2])
        var before: [Ticket] = []
        var historyBefore: [TicketEvent] = []
        do {
            let store = try TicketStore(path: dir.databasePath)
            _ = try store.record(alerts, policy: .standard)
            _ = try store.escalateOverdue(now: 1_120, policy: .standard)
            try store.acknowledge(key: alerts[0].ticketKey, by: "senior-3", at: 1_130)
            try store.saveSummary(summary)
            before = try store.tickets()
            historyBefore = try store.history(key: alerts[0].ticketKey)
            // No close(): the store is simply dropped, as a dying process would leave it.
        }
        let store = try TicketStore(path: dir.databasePath)
        #expect(before.count == 2)
        #expect(try store.tickets() == before)
        #expect(try store.history(key: alerts[0].ticketKey) == historyBefore)
        #expect(historyBefore.map(\.action) == [.created, .escalated, .acknowledged])
        #expect(try store.alerts(session: "call-0001").count == 2)
        #expect(try store.summary(session: "call-0001") == summary)
        // Escalation picks up where it left off: the acknowledged ticket stays put.
        let moved = try store.escalateOverdue(now: 1_420, policy: .standard)
        #expect(moved.map(\.ticket.key) == [alerts[1].ticketKey])
    }

    @Test func summariesUpsert() throws {
        let store = try TicketStore.inMemory()
        var summary = SessionSummary(session: "chat-5", startTs: 10, endTs: 20, endReason: .idle, fragments: 3)
        try store.saveSummary(summary)
        summary.endTs = 95
        summary.endReason = .ended
        summary.fragments = 12
        summary.agentValenceMean = 0.25
        summary.alerts = ["churn_threat": 1]
        try store.saveSummary(summary)
        #expect(try store.summary(session: "chat-5") == summary)
        #expect(try store.count("session_summaries") == 1)
        #expect(try store.summary(session: "missing") == nil)
    }
}
