import Foundation
import MoodlineEngine
import Testing
@testable import MoodlineStore

@Suite struct TicketStoreSummaryBatchTests {
    @Test func batchStoresEveryOneAndLaterWins() throws {
        let store = try TicketStore.inMemory()
        let a = SessionSummary(session: "a", startTs: 1, endTs: 2, endReason: .ended, fragments: 1, alerts: ["self_harm": 1, "abuse": 2])
        var b = SessionSummary(session: "b", startTs: 3, endTs: 4, endReason: .idle, fragments: 2)
        let bEarlier = b
        b.fragments = 9
        try store.saveSummaries([a, bEarlier, b], now: 100)
        #expect(try store.summary(session: "a") == a)
        #expect(try store.summary(session: "b") == b)
        #expect(try store.count("session_summaries") == 2)
        try store.saveSummaries([], now: 100)
    }

    @Test func invalidSummaryStoresNothing() throws {
        let store = try TicketStore.inMemory()
        let good = SessionSummary(session: "ok", startTs: 1, endTs: 2, endReason: .ended, fragments: 1)
        let bad = SessionSummary(session: "bad", startTs: .nan, endTs: 2, endReason: .ended, fragments: 1)
        #expect(throws: StoreError.self) { try store.saveSummaries([good, bad]) }
        #expect(try store.count("session_summaries") == 0)
    }

    @Test func alertCountsMatchFoundationsEncoding() throws {
        let counts = ["self_harm": 2, "abuse": 1, "churn_threat": 13, "customer_anger": 0]
        let foundation = try StoreJSON.string(counts, StoreJSON.encoder())
        #expect(JSONWriter.json(counts) == foundation)
        #expect(JSONWriter.json([String: Int]()) == "{}")
    }
}
