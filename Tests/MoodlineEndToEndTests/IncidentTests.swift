import Foundation
import MoodlineWire
import Testing

/// One incident per conversation, through a real server: abuse opens the ticket, a threat
/// to go to the regulator joins it, a self-harm disclosure joins it and pages again; the
/// ticket feed says so, and nothing goes out as an escalation.
@Suite("End to end: one incident per conversation")
struct IncidentTests {
    @Test("later urgent alerts join the open ticket; self-harm pages again", .timeLimit(.minutes(3)))
    func laterUrgentAlertsJoinTheIncident() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        let server = try ServerProcess(directory: directory, context: context)
        defer { server.stop() }
        let feed = try Subscriber(context: context, endpoint: server.publish, topics: ["ticket/"])
        defer { feed.stop() }
        let pusher = try Pusher(context: context, endpoint: server.ingest)
        defer { pusher.close() }

        let t0 = Date().timeIntervalSince1970
        func fragment(_ seq: Int, _ text: String) -> String {
            #"{"type":"fragment","session":"inc-1","seq":\#(seq),"ts":\#(t0 + Double(seq) * 10),"speaker":"customer","text":"\#(text)"}"#
        }
        let lines = [
            #"{"type":"session_start","session":"inc-1","ts":\#(t0),"agent":"a-1","team":"t-1","channel":"chat","lang":"en"}"#,
            fragment(1, "You are a useless idiot and a waste of oxygen."),
            fragment(2, "I am reporting this to the financial ombudsman today. Call me on 13812345678."),
            fragment(3, "Honestly I don't want to live anymore, I'm going to kill myself tonight."),
        ]
        for line in lines { try pusher.send(line) }
        try server.waitForReceived(lines.count)

        let actions = { feed.messages.compactMap { $0.json?["action"] as? String } }
        #expect(feed.waitUntil(timeout: 15) { _ in actions().contains("repaged") }, "feed: \(actions())")
        let tickets = try server.tickets()
        #expect(tickets.count == 1, "one ticket for the conversation: \(tickets.map { $0["key"] ?? "?" })")
        let ticket = try #require(tickets.first)
        #expect(ticket["kind"] as? String == "abuse")
        #expect(ticket["kinds"] as? [String] == ["abuse", "escalation_threat", "self_harm"], "\(ticket["kinds"] ?? "none")")
        #expect(ticket["status"] as? String == "open")
        #expect(actions() == ["created", "attached", "repaged"], "\(actions())")
        #expect(!actions().contains("escalated"))

        // The detail: every alert of the incident, the turns around them with the phone number
        // masked, and whether the call is still going.
        let key = try #require(ticket["key"] as? String)
        let detail = try server.request(["cmd": "ticket", "key": key])
        #expect((detail["alerts"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } == ["abuse", "escalation_threat", "self_harm"])
        let transcript = detail["transcript"] as? [[String: Any]] ?? []
        #expect(transcript.compactMap { $0["seq"] as? Int } == [1, 2, 3], "\(transcript)")
        let said = transcript.compactMap { $0["text"] as? String }.joined(separator: " ")
        #expect(said.contains("[phone]") && !said.contains("13812345678"), "\(said)")
        #expect(detail["live"] as? Bool == true)
        let show = try ChildProcess.run(["tickets", "show", key, "--connect", server.control], directory: directory, name: "show")
        #expect(show.exit == .status(0), "tickets show: \(show.stderr)")
        #expect(show.stdout.contains("financial ombudsman") && show.stdout.contains("call live"), "\(show.stdout)")
        #expect(show.stdout.contains("escalation_threat"), "\(show.stdout)")

        // The figures follow the store writer's counters, refreshed a moment after each write:
        // under load they may trail the ticket feed briefly.
        var stats = try server.request(["cmd": "stats"])
        let deadline = Date().addingTimeInterval(10)
        while (stats["tickets_opened"] as? Int != 1 || stats["alerts_attached"] as? Int != 2) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            stats = try server.request(["cmd": "stats"])
        }
        #expect(stats["tickets_opened"] as? Int == 1, "\(stats)")
        #expect(stats["alerts_attached"] as? Int == 2, "\(stats)")
    }
}
