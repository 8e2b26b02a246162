import MoodlineEngine
import Testing
@testable import MoodlineStore

@Suite struct TicketStoreEscalationTests {
    @Test func anUnacknowledgedTicketClimbsTheChainThenIsRepublishedAtTheTop() throws {
        let store = try TicketStore.inMemory()
        let key = try #require(try store.record([makeAlert(ts: 1_000)], policy: .standard)[0].ticket).key

        #expect(try store.escalateOverdue(now: 1_119.9, policy: .standard).isEmpty)

        let first = try store.escalateOverdue(now: 1_120, policy: .standard)
        #expect(first.map(\.ticket.key) == [key])
        #expect(first.first?.ticket.tierName == "senior_support")
        #expect(first.first?.ticket.deadline == 1_420)
        // Idempotent at the same clock reading.
        #expect(try store.escalateOverdue(now: 1_120, policy: .standard).isEmpty)

        let second = try store.escalateOverdue(now: 1_425, policy: .standard)
        #expect(second.first?.ticket.tier == 2)
        #expect(second.first?.ticket.tierName == "duty_manager")
        #expect(second.first?.ticket.deadline == 2_025)

        // End of the chain: stays with the duty manager, re-armed every 600 s.
        let third = try store.escalateOverdue(now: 2_025, policy: .standard)
        #expect(third.first?.ticket.tier == 2)
        #expect(third.first?.ticket.deadline == 2_625)
        #expect(third.first?.ticket.escalations == 2)
        #expect(third.first?.ticket.republications == 1)
        #expect(first.first?.action == .escalated)
        #expect(second.first?.action == .escalated)
        // At the last tier the ticket is sent again, which is no escalation.
        #expect(third.first?.action == .republished)
        #expect(try store.escalateOverdue(now: 2_624, policy: .standard).isEmpty)
        #expect(try store.escalateOverdue(now: 2_625, policy: .standard).first?.ticket.republications == 2)

        let stored = try #require(try store.ticket(key: key))
        #expect(stored.tier == 2)
        #expect(stored.status == .open)
        #expect(stored.deadline == 3_225)
        let history = try store.history(key: key)
        #expect(history.map(\.action) == [.created, .escalated, .escalated, .republished, .republished])
        #expect(history.map(\.tierName) == ["team_lead", "senior_support", "duty_manager", "duty_manager", "duty_manager"])
        #expect(history.map(\.at) == [history[0].at, 1_120, 1_425, 2_025, 2_625])
        #expect(try store.openTicketCounts() == ["duty_manager": 1])
    }

    @Test func aLateTickMovesOneTierNotToTheEndOfTheChain() throws {
        let store = try TicketStore.inMemory()
        _ = try store.record([makeAlert(ts: 1_000)], policy: .standard)
        let moved = try store.escalateOverdue(now: 100_000, policy: .standard)
        #expect(moved.first?.ticket.tierName == "senior_support")
        #expect(moved.first?.ticket.deadline == 100_300)
    }

    @Test func acknowledgedAndResolvedTicketsDoNotEscalate() throws {
        let store = try TicketStore.inMemory()
        let recorded = try store.record(
            [makeAlert(session: "s1", episode: 1), makeAlert(session: "s2", episode: 2), makeAlert(session: "s3", episode: 3)], policy: .standard
        )
        let keys = recorded.compactMap(\.ticket?.key)
        try store.acknowledge(key: keys[0], by: "lead-1", at: 1_050)
        try store.resolve(key: keys[1], by: "lead-1", note: "called back", at: 1_060)

        let moved = try store.escalateOverdue(now: 5_000, policy: .standard)
        #expect(moved.map(\.ticket.key) == [keys[2]])
        #expect(try store.ticket(key: keys[0])?.tier == 0)
        #expect(try store.history(key: keys[0]).map(\.action) == [.created, .acknowledged])
        #expect(try store.openTicketCounts() == ["senior_support": 1])
    }

    @Test func overdueTicketsAreEscalatedTogetherInDeadlineOrder() throws {
        let store = try TicketStore.inMemory()
        _ = try store.record(
            [makeAlert(session: "s1", episode: 1, ts: 1_010), makeAlert(session: "s2", episode: 2, ts: 1_000), makeAlert(session: "s3", episode: 3, ts: 1_500)],
            policy: .standard
        )
        let moved = try store.escalateOverdue(now: 1_200, policy: .standard)
        #expect(moved.map(\.ticket.key) == ["s2/self_harm/2", "s1/self_harm/1"])
    }

    @Test func aShorterChainAfterARestartKeepsTicketsAtItsLastTier() throws {
        let store = try TicketStore.inMemory()
        _ = try store.record([makeAlert(ts: 1_000)], policy: .standard)
        _ = try store.escalateOverdue(now: 1_120, policy: .standard)
        _ = try store.escalateOverdue(now: 1_420, policy: .standard)
        let short = try EscalationPolicy(tiers: [EscalationPolicy.Tier(name: "on_call", acknowledgeWithin: 60)])
        let moved = try store.escalateOverdue(now: 2_020, policy: short)
        #expect(moved.first?.ticket.tier == 0)
        #expect(moved.first?.ticket.tierName == "on_call")
        #expect(moved.first?.ticket.deadline == 2_080)
    }

    @Test func aNonFiniteClockIsRejected() throws {
        let store = try TicketStore.inMemory()
        let error = #expect(throws: StoreError.self) { try store.escalateOverdue(now: .nan, policy: .standard) }
        #expect(error?.code == .invalidArgument)
    }
}

@Suite struct AlertCacheTests {
    @Test func escalationUsesTheKeptAlertWhileTheTicketIsOpenAndDecodesOtherwise() throws {
        let dir = try TemporaryDirectory()
        let alert = makeAlert(ts: 1_000)
        let key = alert.ticketKey
        do {
            let store = try TicketStore(path: dir.databasePath)
            _ = try store.record([alert], policy: .standard)
            #expect(store.openTicketAlerts.alert(forTicket: key) == alert)
            let moved = try store.escalateOverdue(now: 1_120, policy: .standard)
            #expect(moved.first?.ticket.alert == alert)
            try store.close()
        }
        // Another process's store has never seen the alert: it decodes the stored JSON and
        // then keeps it; acknowledging drops it.
        let store = try TicketStore(path: dir.databasePath)
        #expect(store.openTicketAlerts.count == 0)
        let moved = try store.escalateOverdue(now: 1_425, policy: .standard)
        #expect(moved.first?.ticket.alert == alert)
        #expect(store.openTicketAlerts.alert(forTicket: key) == alert)
        try store.acknowledge(key: key, by: "lead-1", at: 1_430)
        #expect(store.openTicketAlerts.alert(forTicket: key) == nil)
    }

    @Test func stopsGrowingAtItsCapacity() {
        let cache = AlertCache(capacity: 2)
        for episode in 1...3 {
            let alert = makeAlert(episode: episode)
            cache.insert(alert, forTicket: alert.ticketKey)
        }
        #expect(cache.count == 2)
        #expect(cache.alert(forTicket: makeAlert(episode: 3).ticketKey) == nil)
        cache.remove(ticket: makeAlert(episode: 1).ticketKey)
        #expect(cache.count == 1)
    }
}
