import Foundation
import MoodlineEngine
import Testing
@testable import MoodlineStore

@Suite struct TicketStoreQueryTests {
    @Test func ticketsFilterByStatusTeamAndSeverityNewestFirst() throws {
        let store = try TicketStore.inMemory()
        _ = try store.record(
            [
                makeAlert(session: "s1", ts: 100, team: "t-1"),
                makeAlert(session: "s2", ts: 300, team: "t-1"),
                makeAlert(session: "s3", ts: 200, team: "t-2"),
                makeAlert(session: "s4", severity: .warning, ts: 400, team: "t-1"),
            ],
            policy: .standard, ticketSeverities: [.warning, .critical]
        )
        try store.acknowledge(key: "s2/self_harm/1", by: "lead", at: 310)

        #expect(try store.tickets().map(\.session) == ["s4", "s2", "s3", "s1"])
        #expect(try store.tickets(team: "t-1").map(\.session) == ["s4", "s2", "s1"])
        #expect(try store.tickets(status: .open, team: "t-1").map(\.session) == ["s4", "s1"])
        #expect(try store.tickets(severity: .critical, limit: 2).map(\.session) == ["s2", "s3"])
        #expect(try store.tickets(status: .resolved).isEmpty)
        #expect(throws: StoreError.self) { try store.tickets(limit: 0) }
        #expect(try store.openTicketCounts() == ["team_lead": 3])
    }

    @Test func ticketsEncodeWithSnakeCaseKeys() throws {
        let store = try TicketStore.inMemory()
        let key = try #require(try store.record([makeAlert()], policy: .standard)[0].ticket).key
        let ticket = try store.acknowledge(key: key, by: "lead", at: 1_010)
        let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(ticket)) as? [String: Any])
        for name in ["key", "tier_name", "created_at", "acknowledged_by", "acknowledged_at", "deadline", "status", "alert"] {
            #expect(object[name] != nil, "missing \(name)")
        }
        #expect(object["tierName"] == nil)
        #expect(object["status"] as? String == "acknowledged")
        #expect(try JSONDecoder().decode(Ticket.self, from: JSONEncoder().encode(ticket)) == ticket)

        let event = try #require(try store.history(key: key).last)
        let eventObject = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(event)) as? [String: Any])
        #expect(eventObject["tier_name"] as? String == "team_lead")
        #expect(eventObject["action"] as? String == "acknowledged")
    }
}
