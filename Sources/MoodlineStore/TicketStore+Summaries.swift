import Foundation
import GRDB
import MoodlineCore
import MoodlineEngine

extension TicketStore {
    /// Stores a session's summary, replacing any earlier one of the same session (a
    /// session that resumes after an idle timeout ends again with fuller numbers).
    public func saveSummary(_ summary: SessionSummary, now: Double? = nil) throws(StoreError) {
        try saveSummaries([summary], now: now)
    }

    /// Stores several sessions' summaries in one transaction (one commit, one fsync), each
    /// replacing any earlier one of the same session; later entries win over earlier ones of the
    /// same session. All or nothing: an invalid summary or a database error stores none.
    public func saveSummaries(_ summaries: [SessionSummary], now: Double? = nil) throws(StoreError) {
        guard !summaries.isEmpty else { return }
        for summary in summaries where !(summary.startTs.isFinite && summary.endTs.isFinite) {
            throw StoreError(.invalidArgument, "summary of \(summary.session) has a non-finite start or end time — pass event times in seconds")
        }
        let savedAt = now ?? Date().timeIntervalSince1970
        try write { db in
            try Self.insert(summaries, in: db, savedAt: savedAt)
        }
    }

    /// The body of ``saveSummaries(_:now:)``, inside the caller's transaction.
    static func insert(_ summaries: [SessionSummary], in db: Database, savedAt: Double) throws {
        try saveBaselines(summaries.flatMap(\.baselines), in: db)
        let statement = try db.cachedStatement(sql: Self.saveSummarySQL)
        for summary in summaries {
            // Hand-written (sorted keys, as `StoreJSON.encoder()` writes them): Foundation's
            // encoder cost more than the insert itself.
            let alertsJSON = JSONWriter.json(summary.alerts)
            try statement.execute(arguments: [
                summary.session, summary.agent, summary.team, summary.channel?.rawValue,
                summary.startTs, summary.endTs, summary.endReason.rawValue, summary.fragments,
                summary.customerFragments, summary.agentFragments, summary.customerValenceStart,
                summary.customerValenceEnd, summary.customerValenceMin, summary.agentValenceMean,
                summary.agentArousalMax, summary.agentInterruptions,
                alertsJSON, savedAt,
            ])
        }
    }

    private static let saveSummarySQL = """
        INSERT INTO session_summaries (
            session, agent, team, channel, start_ts, end_ts, end_reason, fragments,
            customer_fragments, agent_fragments, customer_valence_start, customer_valence_end,
            customer_valence_min, agent_valence_mean, agent_arousal_max, agent_interruptions,
            alerts_json, saved_at
        ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (session) DO UPDATE SET
            agent = excluded.agent, team = excluded.team, channel = excluded.channel,
            start_ts = excluded.start_ts, end_ts = excluded.end_ts, end_reason = excluded.end_reason,
            fragments = excluded.fragments, customer_fragments = excluded.customer_fragments,
            agent_fragments = excluded.agent_fragments,
            customer_valence_start = excluded.customer_valence_start,
            customer_valence_end = excluded.customer_valence_end,
            customer_valence_min = excluded.customer_valence_min,
            agent_valence_mean = excluded.agent_valence_mean,
            agent_arousal_max = excluded.agent_arousal_max,
            agent_interruptions = excluded.agent_interruptions,
            alerts_json = excluded.alerts_json, saved_at = excluded.saved_at
        """

    /// The stored summary of a session, or `nil`.
    public func summary(session: String) throws(StoreError) -> SessionSummary? {
        let decoder = StoreJSON.decoder()
        return try read { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM session_summaries WHERE session = ?"),
                arguments: [session]
            ) else { return nil }
            let channel: String? = try row.decode(forColumn: "channel")
            return SessionSummary(
                session: try row.decode(forColumn: "session"),
                agent: try row.decode(forColumn: "agent"),
                team: try row.decode(forColumn: "team"),
                channel: try channel.map { raw in
                    guard let value = Channel(rawValue: raw) else {
                        throw StoreError(.unreadableRow, "session_summaries.channel holds '\(raw)', which this version does not know — upgrade Moodline")
                    }
                    return value
                },
                startTs: try row.decode(forColumn: "start_ts"),
                endTs: try row.decode(forColumn: "end_ts"),
                endReason: try row.decodeRaw(forColumn: "end_reason", table: "session_summaries"),
                fragments: try row.decode(forColumn: "fragments"),
                customerFragments: try row.decode(forColumn: "customer_fragments"),
                agentFragments: try row.decode(forColumn: "agent_fragments"),
                customerValenceStart: try row.decode(forColumn: "customer_valence_start"),
                customerValenceEnd: try row.decode(forColumn: "customer_valence_end"),
                customerValenceMin: try row.decode(forColumn: "customer_valence_min"),
                agentValenceMean: try row.decode(forColumn: "agent_valence_mean"),
                agentArousalMax: try row.decode(forColumn: "agent_arousal_max"),
                agentInterruptions: try row.decode(forColumn: "agent_interruptions"),
                alerts: try StoreJSON.value([String: Int].self, from: try row.decode(forColumn: "alerts_json"), decoder, column: "session_summaries.alerts_json")
            )
        }
    }
}

extension TicketStore {
    /// Keeps speakers' baselines for their next calls, a newer one replacing an older one.
    static func saveBaselines(_ entries: [BaselineBook.Entry], in db: Database) throws {
        guard !entries.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO speaker_baselines (key, baseline_json, ts) VALUES (?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET baseline_json = excluded.baseline_json, ts = excluded.ts
            WHERE excluded.ts >= speaker_baselines.ts
            """)
        let encoder = JSONEncoder()
        for entry in entries where entry.ts.isFinite {
            let json = String(decoding: try encoder.encode(entry.baseline), as: UTF8.self)
            try statement.execute(arguments: [entry.key, json, entry.ts])
        }
    }

    /// The most recent speakers' baselines, newest first, at most `limit`, none older than
    /// `since`: what a starting server carries into its engine.
    public func carriedBaselines(limit: Int, since: Double = -.infinity) throws(StoreError) -> [BaselineBook.Entry] {
        guard limit > 0 else { return [] }
        let decoder = JSONDecoder()
        return try read { db in
            try Row.fetchAll(
                db, sql: "SELECT key, baseline_json, ts FROM speaker_baselines WHERE ts >= ? ORDER BY ts DESC LIMIT ?",
                arguments: [since.isFinite ? since : -Double.greatestFiniteMagnitude, limit]
            ).compactMap { row in
                let json: String = row["baseline_json"]
                // A row this version cannot read is skipped: it is a warm start, not a record.
                guard let baseline = try? decoder.decode(ProsodyBaseline.Carried.self, from: Data(json.utf8)) else { return nil }
                return BaselineBook.Entry(key: row["key"], baseline: baseline, ts: row["ts"])
            }
        }
    }

    /// Drops all but the `keep` most recent speakers' baselines.
    public func trimBaselines(keep: Int) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "DELETE FROM speaker_baselines WHERE key NOT IN (SELECT key FROM speaker_baselines ORDER BY ts DESC LIMIT ?)",
                arguments: [max(0, keep)])
        }
    }
}
