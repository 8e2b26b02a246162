import Foundation
import GRDB
import MoodlineEngine

extension TicketStore {
    /// Marks an open ticket acknowledged by `actor`, which stops its escalation.
    ///
    /// Throws `notFound`, `invalidTransition` (already acknowledged, or resolved) or
    /// `invalidArgument` (empty actor, non-finite time).
    @discardableResult
    public func acknowledge(key: String, by actor: String, at: Double) throws(StoreError) -> Ticket {
        let actor = try Self.validActor(actor, at: at, action: "acknowledge")
        let decoder = StoreJSON.decoder()
        defer { openTicketAlerts.remove(ticket: key) } // no longer escalates
        return try write { db in
            var ticket = try Self.existing(db, key: key, decoder: decoder)
            switch ticket.status {
            case .open:
                break
            case .acknowledged:
                throw StoreError(
                    .invalidTransition,
                    "ticket \(key) was already acknowledged by \(ticket.acknowledgedBy ?? "someone") — it needs no second acknowledgement; resolve it when done"
                )
            case .resolved:
                throw StoreError(
                    .invalidTransition,
                    "ticket \(key) is resolved (by \(ticket.resolvedBy ?? "someone")) — a resolved ticket cannot be acknowledged"
                )
            }
            ticket.status = .acknowledged
            ticket.acknowledgedBy = actor
            ticket.acknowledgedAt = at
            try db.execute(
                sql: "UPDATE tickets SET status = 'acknowledged', acknowledged_by = ?, acknowledged_at = ? WHERE key = ?",
                arguments: [actor, at, key]
            )
            try TicketEvent.append(
                db, key: key, at: at, action: .acknowledged, actor: actor, tier: ticket.tier, tierName: ticket.tierName, note: nil
            )
            return ticket
        }
    }

    /// Marks a ticket resolved by `actor`, acknowledged or not, with an optional note.
    ///
    /// Throws `notFound`, `alreadyResolved` or `invalidArgument`.
    @discardableResult
    public func resolve(key: String, by actor: String, note: String? = nil, at: Double) throws(StoreError) -> Ticket {
        let actor = try Self.validActor(actor, at: at, action: "resolve")
        let decoder = StoreJSON.decoder()
        defer { openTicketAlerts.remove(ticket: key) }
        return try write { db in
            var ticket = try Self.existing(db, key: key, decoder: decoder)
            if ticket.status == .resolved {
                throw StoreError(
                    .alreadyResolved,
                    "ticket \(key) was already resolved by \(ticket.resolvedBy ?? "someone") — nothing to do"
                )
            }
            ticket.status = .resolved
            ticket.resolvedBy = actor
            ticket.resolvedAt = at
            ticket.resolutionNote = note
            try db.execute(
                sql: "UPDATE tickets SET status = 'resolved', resolved_by = ?, resolved_at = ?, resolution_note = ? WHERE key = ?",
                arguments: [actor, at, note, key]
            )
            try TicketEvent.append(
                db, key: key, at: at, action: .resolved, actor: actor, tier: ticket.tier, tierName: ticket.tierName, note: note
            )
            return ticket
        }
    }

    private static func existing(_ db: Database, key: String, decoder: JSONDecoder) throws -> Ticket {
        guard let ticket = try Ticket.fetch(db, key: key, decoder: decoder) else {
            throw StoreError(.notFound, "no ticket has key \(key) — check the key (session/kind/episode)")
        }
        return ticket
    }

    /// The actor trimmed of surrounding spaces; consoles send what a person typed.
    private static func validActor(_ actor: String, at: Double, action: String) throws(StoreError) -> String {
        let trimmed = actor.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            throw StoreError(.invalidArgument, "\(action) needs the name of who does it — pass a non-empty actor")
        }
        guard at.isFinite else {
            throw StoreError(.invalidArgument, "\(action) was given a non-finite time — pass seconds since the epoch")
        }
        return trimmed
    }
}
