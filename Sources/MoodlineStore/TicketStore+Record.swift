import Foundation
import GRDB
import MoodlineEngine

extension TicketStore {
    /// Records a batch of alerts in one transaction and opens a ticket for each alert
    /// whose severity raises one. Returns one `RecordedAlert` per input, in order.
    ///
    /// Idempotent: an alert already stored (same session, kind and episode) is not stored
    /// again, and a ticket already open under its key is returned rather than duplicated,
    /// so a restart or a re-sent stream never doubles anything. Publish an alert only
    /// after this returns: its ticket is then committed.
    ///
    /// - Parameters:
    ///   - ticketSeverities: Overrides `policy.ticketSeverities` when given.
    ///   - now: When the tickets are created (`created_at`); the wall clock by default.
    ///     Deadlines count from each alert's event time, not from `now`.
    public func record(
        _ alerts: [Alert], policy: EscalationPolicy, ticketSeverities: Set<Severity>? = nil, now: Double? = nil
    ) throws(StoreError) -> [RecordedAlert] {
        if alerts.isEmpty { return [] }
        // Checked before the transaction: SQLite would store NaN as NULL and the
        // NOT NULL constraint would then fail the whole batch with a vaguer message.
        for alert in alerts where !alert.ts.isFinite {
            throw StoreError(.invalidArgument, "alert \(alert.ticketKey) has a non-finite event time — the engine must emit finite ts values")
        }
        let createdAt = now ?? Date().timeIntervalSince1970
        let raising = ticketSeverities ?? policy.ticketSeverities
        let decoder = StoreJSON.decoder()

        let recorded = try write { db in
            try Self.insert(alerts, in: db, policy: policy, raising: raising, createdAt: createdAt, decoder: decoder)
        }
        remember(recorded)
        return recorded
    }

    /// Keeps the alerts of the tickets just opened (and committed) for their escalations.
    func remember(_ recorded: [RecordedAlert]) {
        for r in recorded where r.ticketIsNew {
            if let ticket = r.ticket { openTicketAlerts.insert(ticket.alert, forTicket: ticket.key) }
        }
    }

    /// The body of ``record(_:policy:ticketSeverities:now:)``, inside the caller's transaction.
    static func insert(
        _ alerts: [Alert], in db: Database, policy: EscalationPolicy, raising: Set<Severity>, createdAt: Double, decoder: JSONDecoder
    ) throws -> [RecordedAlert] {
        let insertAlert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO alerts (
                session, kind, episode, severity, agent, team, speaker, seq, ts,
                valence, arousal, smoothed_valence, smoothed_arousal, evidence_json, recorded_at
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertTicket = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO tickets (
                key, session, kind, severity, agent, team, speaker, seq, ts, created_at, deadline,
                tier, tier_name, status, alert_json
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)
            """)

        var results: [RecordedAlert] = []
        results.reserveCapacity(alerts.count)
        for alert in alerts {
            try insertAlert.execute(arguments: [
                alert.session, alert.kind.rawValue, alert.episode, alert.severity.rawValue,
                alert.agent, alert.team, alert.speaker.rawValue, alert.seq, alert.ts,
                alert.scores.valence, alert.scores.arousal,
                alert.scores.smoothedValence, alert.scores.smoothedArousal,
                JSONWriter.json(alert.evidence), createdAt,
            ])
            let isNew = db.changesCount > 0

            guard raising.contains(alert.severity) else {
                results.append(RecordedAlert(alert: alert, isNew: isNew, ticket: nil, ticketIsNew: false))
                continue
            }
            let key = alert.ticketKey
            let assignment = policy.initialAssignment(at: alert.ts)
            try insertTicket.execute(arguments: [
                key, alert.session, alert.kind.rawValue, alert.severity.rawValue, alert.agent, alert.team,
                alert.speaker.rawValue, alert.seq, alert.ts, createdAt, assignment.deadline,
                assignment.tier, assignment.name, JSONWriter.json(alert),
            ])
            if db.changesCount > 0 {
                try TicketEvent.append(
                    db, key: key, at: createdAt, action: .created, actor: nil,
                    tier: assignment.tier, tierName: assignment.name, note: nil
                )
                // Built from what was just inserted: saves a read on the hot path.
                let ticket = Ticket(
                    key: key, session: alert.session, kind: alert.kind, severity: alert.severity,
                    agent: alert.agent, team: alert.team, speaker: alert.speaker, seq: alert.seq, ts: alert.ts,
                    createdAt: createdAt, deadline: assignment.deadline, tier: assignment.tier,
                    tierName: assignment.name, status: .open, alert: alert
                )
                results.append(RecordedAlert(alert: alert, isNew: isNew, ticket: ticket, ticketIsNew: true))
            } else {
                let existing = try Ticket.fetch(db, key: key, decoder: decoder)
                results.append(RecordedAlert(alert: alert, isNew: isNew, ticket: existing, ticketIsNew: false))
            }
        }
        return results
    }
}
