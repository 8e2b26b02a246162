import Foundation
import MoodlineCore
import MoodlineEngine
import Testing
@testable import MoodlineStore

/// Retention: what is older than the cutoff goes, open tickets stay, the file can be compacted.
@Suite struct TicketStoreRetentionTests {
    @Test func pruningRemovesTheOldAndKeepsOpenTicketsAndTheRecent() throws {
        let dir = try TemporaryDirectory()
        let store = try TicketStore(path: dir.databasePath)
        let oldResolved = makeAlert(session: "old-1", kind: .abuse, ts: 1_000)
        let oldOpen = makeAlert(session: "old-2", kind: .selfHarm, ts: 1_100)
        let recent = makeAlert(session: "new-1", kind: .abuse, ts: 90_000)
        let oldWarning = makeAlert(session: "old-3", kind: .customerAnger, severity: .warning, ts: 1_200)
        _ = try store.record([oldResolved, oldOpen, recent, oldWarning], policy: .standard, now: 1_000)
        try store.resolve(key: oldResolved.ticketKey, by: "lead", at: 1_500)
        try store.recordFeedback(.helpful, on: .ticket, key: oldResolved.ticketKey, by: "lead", at: 1_600)
        try store.saveSummaries([
            SessionSummary(session: "old-1", startTs: 900, endTs: 1_700, endReason: .ended),
            SessionSummary(session: "new-1", startTs: 89_000, endTs: 91_000, endReason: .ended),
        ])

        let removed = try store.prune(before: 50_000)
        #expect(removed.tickets == 1, "only the resolved old ticket")
        #expect(removed.summaries == 1 && removed.feedback == 1)
        #expect(removed.alerts == 3, "old alerts go from the dedupe table; the open incident keeps its own copy")
        #expect(try store.ticket(key: oldResolved.ticketKey) == nil)
        let kept = try store.history(key: oldOpen.ticketKey).count + store.history(key: recent.ticketKey).count
        #expect(try store.count("ticket_events") == kept, "the pruned ticket's history went with it")
        #expect(try store.ticket(key: oldOpen.ticketKey)?.status == .open, "an open ticket is never pruned")
        #expect(try store.incidentAlerts(key: oldOpen.ticketKey) == [oldOpen])
        #expect(try store.ticket(key: recent.ticketKey) != nil)
        #expect(try store.count("session_summaries") == 1)
        #expect(try store.prune(before: 50_000).total == 0, "nothing twice")
        try store.compact()
        #expect(try store.count("tickets") == 2)
        #expect(throws: StoreError.self) { try store.prune(before: .nan) }
    }
}
