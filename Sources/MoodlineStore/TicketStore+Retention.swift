import Foundation
import GRDB

extension TicketStore {
    /// What ``prune(before:)`` removed.
    public struct PruneCounts: Sendable, Equatable {
        public var alerts = 0
        public var tickets = 0
        public var summaries = 0
        public var feedback = 0
        public var baselines = 0

        public var total: Int { alerts + tickets + summaries + feedback + baselines }
    }

    /// Removes what is older than `cutoff` (event time): alerts, session summaries, resolved
    /// tickets with their history and incident alerts, feedback and speakers' baselines. Open
    /// and acknowledged tickets stay, however old: someone still owes them an answer.
    @discardableResult
    public func prune(before cutoff: Double) throws(StoreError) -> PruneCounts {
        guard cutoff.isFinite else {
            throw StoreError(.invalidArgument, "prune was given a non-finite cutoff — pass seconds since the epoch")
        }
        return try write { db in
            var counts = PruneCounts()
            // History and incident alerts go with their tickets (ON DELETE CASCADE).
            try db.execute(sql: "DELETE FROM tickets WHERE status = 'resolved' AND ts < ?", arguments: [cutoff])
            counts.tickets = db.changesCount
            // An open incident keeps its alerts in ticket_alerts; this table only dedupes re-sends.
            try db.execute(sql: "DELETE FROM alerts WHERE ts < ?", arguments: [cutoff])
            counts.alerts = db.changesCount
            try db.execute(sql: "DELETE FROM session_summaries WHERE end_ts < ?", arguments: [cutoff])
            counts.summaries = db.changesCount
            try db.execute(sql: "DELETE FROM feedback WHERE at < ?", arguments: [cutoff])
            counts.feedback = db.changesCount
            try db.execute(sql: "DELETE FROM speaker_baselines WHERE ts < ?", arguments: [cutoff])
            counts.baselines = db.changesCount
            return counts
        }
    }

    /// Gives the space of removed rows back to the file system (rewrites the file; run it
    /// when the server is not writing, as `moodline db prune` does).
    public func compact() throws(StoreError) {
        do {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        } catch {
            throw mapped(error)
        }
    }
}
