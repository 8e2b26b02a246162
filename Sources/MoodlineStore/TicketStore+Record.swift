import Foundation
import GRDB
import MoodlineEngine

extension TicketStore {
    /// Records a batch of alerts in one transaction; an alert whose severity raises a ticket
    /// opens the conversation's incident, or joins the one already open (acknowledged or
    /// not): one open ticket per conversation at most. Returns one `RecordedAlert` per
    /// input, in order.
    ///
    /// Idempotent: an alert already stored (same session, kind and episode) is not stored
    /// again, and the ticket it opened or joined is returned rather than touched again,
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

        let findIncident = try db.cachedStatement(sql: """
            SELECT key FROM tickets WHERE session = ? AND status != 'resolved' ORDER BY created_at, key LIMIT 1
            """)
        let findAttachment = try db.cachedStatement(sql: "SELECT ticket_key FROM ticket_alerts WHERE alert_key = ?")

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
                results.append(RecordedAlert(alert: alert, isNew: isNew, ticket: nil, ticketChange: nil))
                continue
            }
            let key = alert.ticketKey
            // Already recorded (a re-sent stream): the ticket it opened or joined comes back as it is.
            if let existing = try Ticket.fetch(db, key: key, decoder: decoder) {
                results.append(RecordedAlert(alert: alert, isNew: isNew, ticket: existing, ticketChange: nil))
                continue
            }
            if let joined = try String.fetchOne(findAttachment, arguments: [key]),
               let existing = try Ticket.fetch(db, key: joined, decoder: decoder) {
                results.append(RecordedAlert(alert: alert, isNew: isNew, ticket: existing, ticketChange: nil))
                continue
            }
            if let open = try String.fetchOne(findIncident, arguments: [alert.session]),
               var incident = try Ticket.fetch(db, key: open, decoder: decoder) {
                let change = try attach(alert, to: &incident, in: db, policy: policy, at: createdAt)
                results.append(RecordedAlert(alert: alert, isNew: isNew, ticket: incident, ticketChange: change))
                continue
            }
            let assignment = policy.initialAssignment(at: alert.ts)
            try insertTicket.execute(arguments: [
                key, alert.session, alert.kind.rawValue, alert.severity.rawValue, alert.agent, alert.team,
                alert.speaker.rawValue, alert.seq, alert.ts, createdAt, assignment.deadline,
                assignment.tier, assignment.name, JSONWriter.json(alert),
            ])
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
            results.append(RecordedAlert(alert: alert, isNew: isNew, ticket: ticket, ticketChange: .created))
        }
        return results
    }

    /// Joins `alert` to the conversation's open incident: its kind is listed, the severity
    /// is the highest, the alert is kept with the incident. A self-harm disclosure pages
    /// again at once: the incident is open (an acknowledgement of, say, abuse does not
    /// cover it) with the current tier's full window from the disclosure, or sooner.
    static func attach(
        _ alert: Alert, to incident: inout Ticket, in db: Database, policy: EscalationPolicy, at createdAt: Double
    ) throws -> TicketEvent.Action {
        try db.cachedStatement(sql: """
            INSERT INTO ticket_alerts (alert_key, ticket_key, kind, seq, ts, alert_json) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [alert.ticketKey, incident.key, alert.kind.rawValue, alert.seq, alert.ts, JSONWriter.json(alert)])
        if !incident.kinds.contains(alert.kind) { incident.kinds.append(alert.kind) }
        incident.severity = max(incident.severity, alert.severity)
        let action: TicketEvent.Action
        if alert.kind == .selfHarm {
            let page = policy.repage(atTier: incident.tier, at: alert.ts)
            if incident.status != .open || page.deadline < incident.deadline { incident.deadline = page.deadline }
            incident.status = .open
            incident.acknowledgedBy = nil
            incident.acknowledgedAt = nil
            action = .repaged
        } else {
            action = .attached
        }
        try db.cachedStatement(sql: """
            UPDATE tickets SET kinds = ?, severity = ?, status = ?, deadline = ?, acknowledged_by = ?, acknowledged_at = ?
            WHERE key = ?
            """).execute(arguments: [
                Ticket.kindsColumn(incident.kinds), incident.severity.rawValue, incident.status.rawValue,
                incident.deadline, incident.acknowledgedBy, incident.acknowledgedAt, incident.key,
            ])
        try TicketEvent.append(
            db, key: incident.key, at: createdAt, action: action, actor: nil,
            tier: incident.tier, tierName: incident.tierName, note: alert.kind.rawValue
        )
        return action
    }
}
