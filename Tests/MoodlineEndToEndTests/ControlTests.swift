import Foundation
import MoodlineStore
import MoodlineWire
import Testing

/// A supervisor acknowledges and resolves an urgent ticket through the control socket: the
/// database records it with its history, and the changes are published on `ticket/critical`.
@Suite("End to end: control socket")
struct ControlTests {
    /// Supervisors and a gateway with CURVE keys: changing a ticket needs an identity.
    static let curveClients: [(name: String, sockets: [String])] = [
        ("gateway", ["ingest"]), ("lead-ann", ["control", "publish"]), ("lead-bob", ["control"]),
    ]

    @Test("ack and resolve a ticket: status, history, published changes, invalid transitions", .timeLimit(.minutes(3)))
    func acknowledgeAndResolve() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        let curve = try E2ECurve(clients: Self.curveClients)
        let server = try ServerProcess(directory: directory, context: context, curve: curve, controlAs: "lead-ann")
        defer { server.stop() }
        let subscriber = try Subscriber(context: context, endpoint: server.publish, topics: ["ticket/", "team/"], curve: curve.keys("lead-ann"))
        defer { subscriber.stop() }
        let pusher = try Pusher(context: context, endpoint: server.ingest, curve: curve.keys("gateway"))
        defer { pusher.close() }

        let session = "ctl-1"
        let ts = 1_763_900_000.0
        let events = [Conversation.start(session, ts: ts)] + Conversation.fragments(session, ts: ts)
        for event in events { try pusher.send(Conversation.bytes(event)) }
        try server.waitForReceived(events.count)

        func ticketMessages() -> [PublishedTicket] {
            subscriber.messages.filter { $0.topic.hasPrefix("ticket/") }.compactMap(PublishedTicket.init)
        }
        #expect(subscriber.waitUntil(timeout: 10) { _ in ticketMessages().contains { $0.action == "created" } }, "no ticket was created")
        let created = try #require(ticketMessages().first { $0.action == "created" })
        #expect(created.topic == "ticket/critical")
        #expect(created.kind == "self_harm")
        #expect(created.status == "open")
        #expect(created.tierName == "team_lead")
        #expect((created.raw["deadline"] as? Double).map { $0 > ts } == true, "the deadline lies after the alert")
        let key = created.key

        let open = try server.tickets(status: "open")
        #expect(open.map { $0["key"] as? String } == [key])

        // Acknowledge.
        let ack = try server.request(["cmd": "ack", "key": key])
        #expect(ack["ok"] as? Bool == true, "\(ack)")
        let acked = ack["ticket"] as? [String: Any]
        #expect(acked?["status"] as? String == "acknowledged")
        #expect(acked?["acknowledged_by"] as? String == "lead-ann", "the actor is the key's name")
        #expect(subscriber.waitUntil(timeout: 5) { _ in ticketMessages().contains { $0.action == "acknowledged" } })
        let ackMessage = ticketMessages().first { $0.action == "acknowledged" }
        #expect(ackMessage?.topic == "ticket/critical")
        #expect(ackMessage?.key == key)
        #expect(ackMessage?.status == "acknowledged")

        let again = try #require(try server.request(["cmd": "ack", "key": key], as: "lead-bob"))
        #expect(again["ok"] as? Bool == false)
        #expect(again["code"] as? String == "invalid_transition", "\(again)")

        // Resolve.
        let resolve = try server.request(["cmd": "resolve", "key": key, "note": "called back; customer safe with family"])
        #expect(resolve["ok"] as? Bool == true, "\(resolve)")
        #expect((resolve["ticket"] as? [String: Any])?["status"] as? String == "resolved")
        #expect(subscriber.waitUntil(timeout: 5) { _ in ticketMessages().contains { $0.action == "resolved" } })
        let resolvedMessage = ticketMessages().first { $0.action == "resolved" }
        #expect(resolvedMessage?.topic == "ticket/critical")
        #expect(resolvedMessage?.status == "resolved")
        #expect(resolvedMessage?.raw["resolution_note"] as? String == "called back; customer safe with family")
        // One clock: each message carries its own action's event time, so a feed never goes back
        // in time; the acknowledgement's is the time recorded on the ticket.
        let times = ticketMessages().filter { $0.topic == "ticket/critical" }.map { $0.at ?? -1 }
        #expect(times.count == 3 && times == times.sorted() && times[0] >= ts, "\(times)")
        #expect(ackMessage?.at == (resolvedMessage?.raw["acknowledged_at"] as? Double), "\(String(describing: ackMessage?.at))")

        // The same changes go to the team's feed.
        // The team feed is a second publish of each change, so it may arrive just after the ticket's own.
        func teamActions() -> [String] {
            subscriber.messages.filter { $0.topic == "team/\(Conversation.team)" }.compactMap(PublishedTicket.init).map(\.action)
        }
        #expect(subscriber.waitUntil(timeout: 5) { _ in teamActions().count >= 3 }, "\(teamActions())")
        #expect(teamActions() == ["created", "acknowledged", "resolved"])

        let ackResolved = try #require(try server.request(["cmd": "ack", "key": key], as: "lead-bob"))
        #expect(ackResolved["ok"] as? Bool == false)
        #expect(ackResolved["code"] as? String == "invalid_transition", "\(ackResolved)")
        let resolveAgain = try #require(try server.request(["cmd": "resolve", "key": key], as: "lead-bob"))
        #expect(resolveAgain["ok"] as? Bool == false)
        #expect(resolveAgain["code"] as? String == "already_resolved", "\(resolveAgain)")

        // What the control socket reports.
        let detail = try server.request(["cmd": "ticket", "key": key])
        #expect(detail["ok"] as? Bool == true)
        let history = detail["history"] as? [[String: Any]] ?? []
        #expect(history.map { $0["action"] as? String } == ["created", "acknowledged", "resolved"])
        #expect(history.map { $0["actor"] as? String } == [nil, "lead-ann", "lead-ann"])
        #expect(try server.tickets(status: "open").isEmpty)
        #expect(try server.tickets(status: "resolved").map { $0["key"] as? String } == [key])
        #expect(ticketMessages().filter { $0.action == "created" }.count == 1)

        let exit = server.stop()
        #expect(exit == .status(0), "serve stopped with \(exit); stderr:\n\(server.child.stderrTail)")

        // What the database holds after the server is gone.
        let store = try TicketStore(path: server.database)
        defer { try? store.close() }
        let ticket = try #require(try store.ticket(key: key))
        #expect(ticket.status == .resolved)
        #expect(ticket.acknowledgedBy == "lead-ann")
        #expect(ticket.resolvedBy == "lead-ann")
        #expect(ticket.resolutionNote == "called back; customer safe with family")
        #expect(ticket.acknowledgedAt != nil && ticket.resolvedAt != nil)
        #expect(ticket.escalations == 0)
        let stored = try store.history(key: key)
        #expect(stored.map(\.action) == [.created, .acknowledged, .resolved])
        #expect(stored.map(\.actor) == [nil, "lead-ann", "lead-ann"])
        #expect(stored.last?.note == "called back; customer safe with family")
        #expect(try store.journalMode() == "wal")
    }

    @Test("serve prunes on its retention schedule: a resolved old ticket goes, an open one stays", .timeLimit(.minutes(3)))
    func retentionSchedule() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        // Keep about 17 seconds: the 2025 conversations below are far older.
        let curve = try E2ECurve(clients: Self.curveClients)
        let server = try ServerProcess(
            directory: directory, arguments: ["--set", "retention.max_age_days=0.0002", "--set", "retention.interval_seconds=1"], context: context,
            curve: curve, controlAs: "lead-ann")
        defer { server.stop() }
        let pusher = try Pusher(context: context, endpoint: server.ingest, curve: curve.keys("gateway"))
        defer { pusher.close() }
        let ts = 1_763_900_000.0
        var count = 0
        for session in ["kept-1", "gone-1"] {
            let events = [Conversation.start(session, ts: ts)] + Conversation.fragments(session, ts: ts)
            for event in events { try pusher.send(Conversation.bytes(event)) }
            count += events.count
        }
        try server.waitForReceived(count)
        #expect(try E2E.waitUntil(timeout: 10) { try server.tickets().count == 2 })
        let gone = try #require(try server.tickets().first { $0["session"] as? String == "gone-1" }?["key"] as? String)
        #expect(try server.request(["cmd": "resolve", "key": gone])["ok"] as? Bool == true)
        let pruned = try E2E.waitUntil(timeout: 15) { try server.tickets().map { $0["session"] as? String } == ["kept-1"] }
        #expect(pruned, "the resolved ticket was pruned, the open one kept")
    }

    @Test("escalations and re-sends carry their own time: a feed never goes back", .timeLimit(.minutes(3)))
    func escalationTimes() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let config = """
        escalation:
          tiers:
            - {name: team_lead, acknowledge_within_s: 1}
            - {name: duty_manager, acknowledge_within_s: 1}
        """
        try config.write(toFile: "\(directory)/moodline.yaml", atomically: true, encoding: .utf8)
        let context = try ZMQContext()
        let server = try ServerProcess(directory: directory, arguments: ["--config", "\(directory)/moodline.yaml"], context: context)
        defer { server.stop() }
        let subscriber = try Subscriber(context: context, endpoint: server.publish, topics: ["ticket/"])
        defer { subscriber.stop() }
        let pusher = try Pusher(context: context, endpoint: server.ingest)
        defer { pusher.close() }
        let ts = Date().timeIntervalSince1970 - 30
        let events = [Conversation.start("esc-1", ts: ts)] + Conversation.fragments("esc-1", ts: ts)
        for event in events { try pusher.send(Conversation.bytes(event)) }
        try server.waitForReceived(events.count)
        func messages() -> [PublishedTicket] { subscriber.messages.compactMap(PublishedTicket.init) }
        #expect(subscriber.waitUntil(timeout: 20) { _ in messages().filter { $0.action == "republished" }.count >= 2 },
                "\(messages().map(\.action))")
        let seen = messages()
        #expect(seen.first?.action == "created")
        #expect(seen.contains { $0.action == "escalated" })
        let times = seen.map { $0.at ?? -1 }
        #expect(times == times.sorted(), "each message carries its own action's time: \(times)")
        let created = try #require(seen.first)
        #expect(seen.filter { $0.action == "republished" }.allSatisfy { ($0.at ?? 0) > (created.at ?? .infinity) })
        #expect((created.raw["ts"] as? Double).map { $0 < (seen.last?.at ?? 0) } == true, "a re-send is not stamped with the first alert's time")
    }
}
