import Foundation
import MoodlineEngine
import Testing
@testable import MoodlineStore

/// One incident per conversation: later urgent alerts join the open ticket.
@Suite struct TicketStoreIncidentTests {
    @Test func laterUrgentAlertsOfAConversationJoinItsOpenIncident() throws {
        let store = try TicketStore.inMemory()
        let abuse = makeAlert(kind: .abuse, seq: 5, ts: 1_000)
        let threat = makeAlert(kind: .escalationThreat, seq: 9, ts: 1_030)
        let again = makeAlert(kind: .abuse, episode: 2, seq: 12, ts: 1_060)
        let recorded = try store.record([abuse, threat], policy: .standard, now: 1_001)
            + store.record([again], policy: .standard, now: 1_061)

        #expect(recorded.map(\.ticketChange) == [.created, .attached, .attached])
        #expect(Set(recorded.compactMap(\.ticket?.key)) == [abuse.ticketKey])
        #expect(try store.count("tickets") == 1)
        #expect(try store.count("alerts") == 3)
        let incident = try #require(try store.ticket(key: abuse.ticketKey))
        #expect(incident.kinds == [.abuse, .escalationThreat])
        #expect(incident.deadline == 1_120) // joining moves no deadline
        #expect(try store.incidentAlerts(key: incident.key) == [abuse, threat, again])
        #expect(try store.history(key: incident.key).map(\.action) == [.created, .attached, .attached])
        #expect(try store.history(key: incident.key).map(\.note) == [nil, "escalation_threat", "abuse"])
    }

    @Test func otherConversationsAndResolvedIncidentsOpenTicketsOfTheirOwn() throws {
        let store = try TicketStore.inMemory()
        let first = makeAlert(session: "a", kind: .abuse, ts: 1_000)
        let other = makeAlert(session: "b", kind: .abuse, ts: 1_001)
        _ = try store.record([first, other], policy: .standard)
        try store.resolve(key: first.ticketKey, by: "lead", at: 1_050)
        let later = makeAlert(session: "a", kind: .escalationThreat, ts: 1_100)
        let recorded = try store.record([later], policy: .standard)
        #expect(recorded[0].ticketChange == .created)
        #expect(recorded[0].ticket?.key == later.ticketKey)
        #expect(try store.count("tickets") == 3)
    }

    @Test func anAcknowledgedIncidentStillGathersItsConversation() throws {
        let store = try TicketStore.inMemory()
        let abuse = makeAlert(kind: .abuse, ts: 1_000)
        _ = try store.record([abuse], policy: .standard)
        try store.acknowledge(key: abuse.ticketKey, by: "lead", at: 1_010)
        let churn = makeAlert(kind: .churnThreat, ts: 1_020)
        let recorded = try store.record([churn], policy: .standard)
        #expect(recorded[0].ticketChange == .attached)
        #expect(recorded[0].ticket?.status == .acknowledged)
        #expect(try store.count("tickets") == 1)
    }

    @Test func aSelfHarmDisclosureOnAnAcknowledgedIncidentPagesAgainAtOnce() throws {
        let store = try TicketStore.inMemory()
        let abuse = makeAlert(kind: .abuse, ts: 1_000)
        _ = try store.record([abuse], policy: .standard)
        try store.acknowledge(key: abuse.ticketKey, by: "lead", at: 1_010)
        let disclosure = makeAlert(kind: .selfHarm, seq: 30, ts: 1_200)
        let recorded = try store.record([disclosure], policy: .standard, now: 1_201)
        #expect(recorded[0].ticketChange == .repaged)
        let incident = try #require(try store.ticket(key: abuse.ticketKey))
        #expect(incident.status == .open)
        #expect(incident.acknowledgedBy == nil)
        #expect(incident.kinds == [.abuse, .selfHarm])
        #expect(incident.deadline == 1_320) // the tier's full window from the disclosure
        // Open again, it escalates like any open ticket when nobody answers the page.
        let moves = try store.escalateOverdue(now: 1_320, policy: .standard)
        #expect(moves.map(\.ticket.key) == [abuse.ticketKey])
        #expect(try store.history(key: abuse.ticketKey).map(\.action) == [.created, .acknowledged, .repaged, .escalated])
    }

    @Test func aSelfHarmDisclosureNeverPushesAnOpenDeadlineLater() throws {
        let store = try TicketStore.inMemory()
        let abuse = makeAlert(kind: .abuse, ts: 1_000)
        _ = try store.record([abuse], policy: .standard)
        let recorded = try store.record([makeAlert(kind: .selfHarm, ts: 1_100)], policy: .standard)
        #expect(recorded[0].ticketChange == .repaged)
        #expect(recorded[0].ticket?.deadline == 1_120)
    }

    @Test func reSendingAJoinedAlertTouchesNothing() throws {
        let dir = try TemporaryDirectory()
        let batch = [makeAlert(kind: .abuse, ts: 1_000), makeAlert(kind: .selfHarm, ts: 1_010)]
        do {
            let store = try TicketStore(path: dir.databasePath)
            #expect(try store.record(batch, policy: .standard).map(\.ticketChange) == [.created, .repaged])
            try store.close()
        }
        // A restart re-sends the stream into the same file.
        let store = try TicketStore(path: dir.databasePath)
        let again = try store.record(batch, policy: .standard)
        #expect(again.map(\.isNew) == [false, false])
        #expect(again.map(\.ticketChange) == [nil, nil])
        #expect(again.map(\.ticket?.key) == [batch[0].ticketKey, batch[0].ticketKey])
        #expect(try store.count("tickets") == 1)
        #expect(try store.count("ticket_alerts") == 1)
        #expect(try store.count("ticket_events") == 2)
    }
}
