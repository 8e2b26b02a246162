import Foundation
import GRDB
import MoodlineEngine

extension TicketStore {
    /// Records alerts (as ``record(_:policy:ticketSeverities:now:)``) and saves session summaries
    /// (as ``saveSummaries(_:now:)``) in ONE transaction: one commit, one fsync, for what may be
    /// many of the server's batches at once (group commit). All or nothing.
    ///
    /// Returns one `RecordedAlert` per alert, in order. Publish nothing of it before this returns.
    public func record(
        _ alerts: [Alert], summaries: [SessionSummary], policy: EscalationPolicy, now: Double
    ) throws(StoreError) -> [RecordedAlert] {
        if alerts.isEmpty && summaries.isEmpty { return [] }
        // Checked before the transaction, as the single-purpose methods do.
        for alert in alerts where !alert.ts.isFinite {
            throw StoreError(.invalidArgument, "alert \(alert.ticketKey) has a non-finite event time — the engine must emit finite ts values")
        }
        for summary in summaries where !(summary.startTs.isFinite && summary.endTs.isFinite) {
            throw StoreError(.invalidArgument, "summary of \(summary.session) has a non-finite start or end time — pass event times in seconds")
        }
        let raising = policy.ticketSeverities
        let decoder = StoreJSON.decoder()
        let recorded = try write { db in
            let recorded = try Self.insert(alerts, in: db, policy: policy, raising: raising, createdAt: now, decoder: decoder)
            try Self.insert(summaries, in: db, savedAt: now)
            return recorded
        }
        remember(recorded)
        return recorded
    }
}
