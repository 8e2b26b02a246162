import Foundation
import GRDB
import MoodlineEngine

extension Ticket {
    /// Every column `init(row:decoder:)` reads, in the order `SELECT` lists them.
    static let columns = """
        key, session, kind, severity, agent, team, speaker, seq, ts, created_at, deadline, tier, tier_name, \
        status, acknowledged_by, acknowledged_at, resolved_by, resolved_at, resolution_note, escalations, \
        republications, alert_json
        """

    init(row: Row, decoder: JSONDecoder) throws {
        self.init(
            key: try row.decode(forColumn: "key"),
            session: try row.decode(forColumn: "session"),
            kind: try row.decodeRaw(forColumn: "kind", table: "tickets"),
            severity: try row.decodeRaw(forColumn: "severity", table: "tickets"),
            agent: try row.decode(forColumn: "agent"),
            team: try row.decode(forColumn: "team"),
            speaker: try row.decodeRaw(forColumn: "speaker", table: "tickets"),
            seq: try row.decode(forColumn: "seq"),
            ts: try row.decode(forColumn: "ts"),
            createdAt: try row.decode(forColumn: "created_at"),
            deadline: try row.decode(forColumn: "deadline"),
            tier: try row.decode(forColumn: "tier"),
            tierName: try row.decode(forColumn: "tier_name"),
            status: try row.decodeRaw(forColumn: "status", table: "tickets"),
            acknowledgedBy: try row.decode(forColumn: "acknowledged_by"),
            acknowledgedAt: try row.decode(forColumn: "acknowledged_at"),
            resolvedBy: try row.decode(forColumn: "resolved_by"),
            resolvedAt: try row.decode(forColumn: "resolved_at"),
            resolutionNote: try row.decode(forColumn: "resolution_note"),
            escalations: try row.decode(forColumn: "escalations"),
            republications: try row.decode(forColumn: "republications"),
            alert: try StoreJSON.value(Alert.self, from: try row.decode(forColumn: "alert_json"), decoder, column: "tickets.alert_json")
        )
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
