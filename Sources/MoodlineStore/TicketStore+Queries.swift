import Foundation
import GRDB
import MoodlineEngine

extension TicketStore {
    /// Tickets matching every filter given, newest event time first.
    ///
    /// - Parameter limit: At most this many; at least 1.
    public func tickets(
        status: TicketStatus? = nil, team: String? = nil, severity: Severity? = nil, limit: Int = 100, agent: String? = nil
    ) throws(StoreError) -> [Ticket] {
        guard limit >= 1 else {
            throw StoreError(.invalidArgument, "limit is \(limit) — ask for at least 1 ticket")
        }
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let status {
            conditions.append("status = ?")
            arguments += [status.rawValue]
        }
        if let team {
            conditions.append("team = ?")
            arguments += [team]
        }
        if let agent {
            conditions.append("agent = ?")
            arguments += [agent]
        }
        if let severity {
            conditions.append("severity = ?")
            arguments += [severity.rawValue]
        }
        arguments += [limit]
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT \(Ticket.columns) FROM tickets \(filter) ORDER BY ts DESC, key LIMIT ?"
        let decoder = StoreJSON.decoder()
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { try Ticket(row: $0, decoder: decoder) }
        }
    }

    /// The ticket with this key, or `nil`.
    public func ticket(key: String) throws(StoreError) -> Ticket? {
        let decoder = StoreJSON.decoder()
        return try read { db in try Ticket.fetch(db, key: key, decoder: decoder) }
    }

    /// The alerts of an incident, in event-time order: the one that opened it, then those
    /// that joined it. Empty when no ticket has this key.
    public func incidentAlerts(key: String) throws(StoreError) -> [Alert] {
        let decoder = StoreJSON.decoder()
        return try read { db in
            guard let ticket = try Ticket.fetch(db, key: key, decoder: decoder) else { return [] }
            let joined = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT alert_json FROM ticket_alerts WHERE ticket_key = ? ORDER BY ts, alert_key"),
                arguments: [key]
            ).map { row in
                try StoreJSON.value(Alert.self, from: try row.decode(atIndex: 0), decoder, column: "ticket_alerts.alert_json")
            }
            return [ticket.alert] + joined
        }
    }

    /// What was said around an incident's alerts: the turns their transcripts kept, each once,
    /// in order. Empty when no ticket has this key or no alert kept any turn.
    public func incidentTranscript(key: String) throws(StoreError) -> [TranscriptTurn] {
        Self.transcript(of: try incidentAlerts(key: key))
    }

    /// The turns the alerts' transcripts kept, each once, in order.
    public static func transcript(of alerts: [Alert]) -> [TranscriptTurn] {
        var bySeq: [Int64: TranscriptTurn] = [:]
        for alert in alerts {
            for turn in alert.transcript ?? [] { bySeq[turn.seq] = turn }
        }
        return bySeq.values.sorted { ($0.seq, $0.ts) < ($1.seq, $1.ts) }
    }

    /// A ticket's history, oldest first; empty when no ticket has this key.
    public func history(key: String) throws(StoreError) -> [TicketEvent] {
        try read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM ticket_events WHERE ticket_key = ? ORDER BY id"),
                arguments: [key]
            ).map(TicketEvent.init(row:))
        }
    }

    /// Open (unacknowledged) tickets by the name of the tier that owns them.
    public func openTicketCounts() throws(StoreError) -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT tier_name, COUNT(*) AS n FROM tickets WHERE status = 'open' GROUP BY tier_name") {
                counts[try row.decode(forColumn: "tier_name")] = try row.decode(forColumn: "n")
            }
            return counts
        }
    }

    /// Every stored alert of a session, in event-time order.
    public func alerts(session: String) throws(StoreError) -> [Alert] {
        let decoder = StoreJSON.decoder()
        return try read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM alerts WHERE session = ? ORDER BY ts, seq, id"),
                arguments: [session]
            ).map { try Self.alert(row: $0, decoder: decoder) }
        }
    }

    /// The most recently recorded alerts, newest first.
    ///
    /// - Parameters:
    ///   - team: Only this team's alerts.
    ///   - agent: Only this agent's alerts.
    ///   - minimumSeverity: Only alerts at least this severe (`warning`: what supervisors see).
    public func alerts(limit: Int, team: String? = nil, minimumSeverity: Severity = .info, agent: String? = nil) throws(StoreError) -> [Alert] {
        guard limit >= 1 else {
            throw StoreError(.invalidArgument, "limit is \(limit) — ask for at least 1 alert")
        }
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let team {
            conditions.append("team = ?")
            arguments += [team]
        }
        if let agent {
            conditions.append("agent = ?")
            arguments += [agent]
        }
        let severities = Severity.allCases.filter { $0 >= minimumSeverity }
        if severities.count < Severity.allCases.count {
            conditions.append("severity IN (" + severities.map { _ in "?" }.joined(separator: ",") + ")")
            arguments += StatementArguments(severities.map(\.rawValue))
        }
        arguments += [limit]
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let decoder = StoreJSON.decoder()
        return try read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM alerts \(filter) ORDER BY id DESC LIMIT ?"),
                arguments: arguments
            ).map { try Self.alert(row: $0, decoder: decoder) }
        }
    }

    private static func alert(row: Row, decoder: JSONDecoder) throws -> Alert {
        Alert(
            kind: try row.decodeRaw(forColumn: "kind", table: "alerts"),
            severity: try row.decodeRaw(forColumn: "severity", table: "alerts"),
            session: try row.decode(forColumn: "session"),
            agent: try row.decode(forColumn: "agent"),
            team: try row.decode(forColumn: "team"),
            speaker: try row.decodeRaw(forColumn: "speaker", table: "alerts"),
            seq: try row.decode(forColumn: "seq"),
            ts: try row.decode(forColumn: "ts"),
            episode: try row.decode(forColumn: "episode"),
            scores: AlertScores(
                valence: try row.decodeDouble(forColumn: "valence"),
                arousal: try row.decodeDouble(forColumn: "arousal"),
                smoothedValence: try row.decodeDouble(forColumn: "smoothed_valence"),
                smoothedArousal: try row.decodeDouble(forColumn: "smoothed_arousal")
            ),
            evidence: try StoreJSON.value([Evidence].self, from: try row.decode(forColumn: "evidence_json"), decoder, column: "alerts.evidence_json")
        )
    }
}
