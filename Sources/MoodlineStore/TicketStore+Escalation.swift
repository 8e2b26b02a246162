import GRDB
import MoodlineEngine

/// A ticket the escalation policy moved, and how: up a tier, or sent again at the last one.
public struct TicketMove: Sendable, Equatable {
    public var ticket: Ticket
    /// `.escalated` or `.republished`.
    public var action: TicketEvent.Action
}

extension TicketStore {
    /// Moves every open ticket whose deadline is at or before `now` one step along the
    /// policy's chain (or re-publishes it at the last tier), in one transaction, and
    /// returns them, each with what happened to it, for the caller to publish.
    ///
    /// Idempotent at a given `now`: every new deadline lies after `now`, so a second call
    /// at the same `now` finds nothing due. A ticket overdue by several tiers moves one
    /// step per call; see `EscalationPolicy.escalation(fromTier:deadline:now:)`.
    public func escalateOverdue(now: Double, policy: EscalationPolicy) throws(StoreError) -> [TicketMove] {
        guard now.isFinite else {
            throw StoreError(.invalidArgument, "escalateOverdue was given a non-finite now — pass the injected clock's time in seconds")
        }
        let decoder = StoreJSON.decoder()
        return try write { db in
            let due = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT \(Ticket.columns) FROM tickets WHERE status = 'open' AND deadline <= ? ORDER BY deadline, key"),
                arguments: [now]
            )
            let update = try db.cachedStatement(sql: """
                UPDATE tickets SET tier = ?, tier_name = ?, deadline = ?, escalations = ?, republications = ?
                WHERE key = ?
                """)
            var moved: [TicketMove] = []
            for row in due {
                var ticket = try Ticket(row: row, decoder: decoder, alerts: openTicketAlerts)
                guard let step = policy.escalation(fromTier: ticket.tier, deadline: ticket.deadline, now: now) else { continue }
                ticket.tier = step.assignment.tier
                ticket.tierName = step.assignment.name
                ticket.deadline = step.assignment.deadline
                let action: TicketEvent.Action
                switch step.kind {
                case .escalated:
                    ticket.escalations += 1
                    action = .escalated
                case .republished:
                    ticket.republications += 1
                    action = .republished
                }
                try update.execute(arguments: [
                    ticket.tier, ticket.tierName, ticket.deadline, ticket.escalations, ticket.republications, ticket.key,
                ])
                try TicketEvent.append(
                    db, key: ticket.key, at: now, action: action, actor: nil,
                    tier: ticket.tier, tierName: ticket.tierName, note: nil
                )
                moved.append(TicketMove(ticket: ticket, action: action))
            }
            return moved
        }
    }
}
