import Foundation
import GRDB
import MoodlineEngine

extension Ticket {
    /// Every column `init(row:decoder:)` reads, in the order `SELECT` lists them.
    static let columns = """
        key, session, kind, severity, agent, team, speaker, seq, ts, created_at, deadline, tier, tier_name, \
        status, acknowledged_by, acknowledged_at, resolved_by, resolved_at, resolution_note, escalations, \
        republications, alert_json, kinds
        """

    /// A row of `SELECT \(columns)`, read by position: GRDB looks a column up by name by
    /// lower-casing every column name, a few hundred strings for a ticket.
    ///
    /// - Parameter alerts: Where the alert is looked up first, and kept once decoded.
    init(row: Row, decoder: JSONDecoder, alerts: AlertCache? = nil) throws {
        let key: String = try row.decode(atIndex: 0)
        let alert: Alert
        if let cached = alerts?.alert(forTicket: key) {
            alert = cached
        } else {
            alert = try StoreJSON.value(Alert.self, from: try row.decode(atIndex: 21), decoder, column: "tickets.alert_json")
            alerts?.insert(alert, forTicket: key)
        }
        let kind: AlertKind = try row.decodeRaw(atIndex: 2, column: "kind", table: "tickets")
        self.init(
            key: key,
            session: try row.decode(atIndex: 1),
            kind: kind,
            severity: try row.decodeRaw(atIndex: 3, column: "severity", table: "tickets"),
            agent: try row.decode(atIndex: 4),
            team: try row.decode(atIndex: 5),
            speaker: try row.decodeRaw(atIndex: 6, column: "speaker", table: "tickets"),
            seq: try row.decode(atIndex: 7),
            ts: try row.decode(atIndex: 8),
            createdAt: try row.decode(atIndex: 9),
            deadline: try row.decode(atIndex: 10),
            tier: try row.decode(atIndex: 11),
            tierName: try row.decode(atIndex: 12),
            status: try row.decodeRaw(atIndex: 13, column: "status", table: "tickets"),
            acknowledgedBy: try row.decode(atIndex: 14),
            acknowledgedAt: try row.decode(atIndex: 15),
            resolvedBy: try row.decode(atIndex: 16),
            resolvedAt: try row.decode(atIndex: 17),
            resolutionNote: try row.decode(atIndex: 18),
            escalations: try row.decode(atIndex: 19),
            republications: try row.decode(atIndex: 20),
            kinds: try Self.kinds(try row.decode(atIndex: 22), opening: kind),
            alert: alert
        )
    }

    /// The `kinds` column: the kinds the incident gathered after its first, comma-separated.
    static func kinds(_ column: String, opening: AlertKind) throws -> [AlertKind] {
        var kinds = [opening]
        for name in column.split(separator: ",") {
            guard let kind = AlertKind(rawValue: String(name)) else {
                throw StoreError(.unreadableRow, "tickets.kinds holds '\(name)', which this version does not know — upgrade Moodline")
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }

    /// The `kinds` column for a ticket's kinds.
    static func kindsColumn(_ kinds: [AlertKind]) -> String {
        kinds.dropFirst().map(\.rawValue).joined(separator: ",")
    }

    /// The ticket with this key, read inside the caller's transaction.
    static func fetch(_ db: Database, key: String, decoder: JSONDecoder) throws -> Ticket? {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM tickets WHERE key = ?")
        guard let row = try Row.fetchOne(statement, arguments: [key]) else { return nil }
        return try Ticket(row: row, decoder: decoder)
    }
}

extension TicketEvent {
    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            key: try row.decode(forColumn: "ticket_key"),
            at: try row.decode(forColumn: "at"),
            action: try row.decodeRaw(forColumn: "action", table: "ticket_events"),
            actor: try row.decode(forColumn: "actor"),
            tier: try row.decode(forColumn: "tier"),
            tierName: try row.decode(forColumn: "tier_name"),
            note: try row.decode(forColumn: "note")
        )
    }

    /// Appends an event to a ticket's history inside the caller's transaction.
    static func append(
        _ db: Database, key: String, at: Double, action: Action, actor: String?, tier: Int, tierName: String, note: String?
    ) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO ticket_events (ticket_key, at, action, actor, tier, tier_name, note)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [key, at, action.rawValue, actor, tier, tierName, note])
    }
}
