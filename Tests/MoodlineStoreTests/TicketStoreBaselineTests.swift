import Foundation
import MoodlineCore
import MoodlineEngine
import Testing
@testable import MoodlineStore

/// Speakers' baselines kept in the database with the summaries that carry them, for a
/// restarted server's next calls.
@Suite struct TicketStoreBaselineTests {
    static func carried(pitch: Double) -> ProsodyBaseline.Carried {
        var baseline = ProsodyBaseline()
        for _ in 0..<6 { _ = baseline.assess(ProsodyReading(pitchHz: pitch, pitchSDHz: 12, energyDB: -21, rateSPS: 4.4), speechSeconds: 2) }
        return baseline.carried!
    }

    @Test func baselinesTravelWithSummariesAndSurviveReopening() throws {
        let dir = try TemporaryDirectory()
        let low = Self.carried(pitch: 110), high = Self.carried(pitch: 210)
        do {
            let store = try TicketStore(path: dir.databasePath)
            try store.saveSummaries([
                SessionSummary(session: "c-1", agent: "a-1", startTs: 0, endTs: 100, endReason: .ended,
                               baselines: [.init(key: "agent/a-1", baseline: low, ts: 100)]),
                SessionSummary(session: "c-2", agent: "a-2", startTs: 0, endTs: 150, endReason: .ended,
                               baselines: [.init(key: "agent/a-2", baseline: low, ts: 150), .init(key: "customer/cu-9", baseline: high, ts: 150)]),
            ])
            // A later call of a-1 replaces its baseline; an older one arriving late does not.
            try store.saveSummary(SessionSummary(session: "c-3", agent: "a-1", startTs: 200, endTs: 300, endReason: .ended,
                                                 baselines: [.init(key: "agent/a-1", baseline: high, ts: 300)]))
            try store.saveSummary(SessionSummary(session: "c-0", agent: "a-1", startTs: 0, endTs: 50, endReason: .idle,
                                                 baselines: [.init(key: "agent/a-1", baseline: low, ts: 50)]))
        }
        let store = try TicketStore(path: dir.databasePath)
        let kept = try store.carriedBaselines(limit: 10)
        #expect(kept.map(\.key).sorted() == ["agent/a-1", "agent/a-2", "customer/cu-9"])
        #expect(kept.first?.key == "agent/a-1", "newest first")
        #expect(kept[0].baseline == high && kept[0].ts == 300)
        #expect(try store.carriedBaselines(limit: 10, since: 200).map(\.key) == ["agent/a-1"])
        try store.trimBaselines(keep: 2)
        #expect(try store.count("speaker_baselines") == 2)
    }
}
