import Foundation
import MoodlineWire
import Testing

/// What a console subscribed to `session/<id>` receives from a running server: state
/// snapshots as the conversation goes (at most one a second of event time), then its summary.
@Suite("End to end: session topic")
struct SessionTopicTests {
    @Test("session/<id> carries the conversation's snapshots, then its summary", .timeLimit(.minutes(2)))
    func sessionTopicCarriesSnapshotsThenTheSummary() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        let server = try ServerProcess(directory: directory, context: context)
        defer { server.stop() }
        // ZeroMQ subscriptions match by prefix, so this subscriber gets both sessions' messages:
        // each must say, in its topic, the session its body is about.
        let session = "topic-1", other = "topic-10"
        let subscriber = try Subscriber(context: context, endpoint: server.publish, topics: ["session/\(session)"])
        defer { subscriber.stop() }
        let pusher = try Pusher(context: context, endpoint: server.ingest)

        let ts = 1_763_900_000.0
        func snapshotCount(_ messages: [Subscriber.Message]) -> Int {
            messages.filter { $0.topic == "session/\(session)" && $0.json?["type"] as? String == "snapshot" }.count
        }
        // As live: each fragment some time after the one before (a snapshot shows the session
        // as it is when the server's pass ends, so fragments in one pass share one state).
        for s in [session, other] { try pusher.send(Conversation.bytes(Conversation.start(s, ts: ts))) }
        for (n, (mine, theirs)) in zip(Conversation.fragments(session, ts: ts), Conversation.fragments(other, ts: ts)).enumerated() {
            try pusher.send(Conversation.bytes(theirs))
            try pusher.send(Conversation.bytes(mine))
            #expect(subscriber.waitUntil(timeout: 10) { snapshotCount($0) == n + 1 })
        }
        for s in [session, other] { try pusher.send(Conversation.bytes(Conversation.end(s, ts: ts))) }
        #expect(subscriber.waitUntil(timeout: 10) { messages in
            messages.filter { $0.json?["type"] as? String == "session_end" }.count == 2
        })

        func aboutSession(_ message: Subscriber.Message) -> String? {
            let json = message.json
            return ((json?["snapshot"] ?? json?["summary"]) as? [String: Any])?["session"] as? String
        }
        #expect(subscriber.messages.allSatisfy { "session/\(aboutSession($0) ?? "?")" == $0.topic })
        #expect(subscriber.messages.contains { $0.topic == "session/\(other)" })
        let messages = subscriber.messages.filter { $0.topic == "session/\(session)" }
        let snapshots = messages.compactMap { $0.json }.filter { $0["type"] as? String == "snapshot" }
            .compactMap { $0["snapshot"] as? [String: Any] }
        // Six fragments four seconds apart: every one is due a snapshot.
        #expect(snapshots.count == 6)
        #expect(snapshots.allSatisfy { $0["session"] as? String == session && $0["team"] as? String == Conversation.team })
        let fragments = snapshots.compactMap { $0["fragments"] as? Int }
        #expect(fragments == Array(1...6))
        // Without the history (consoles build sparklines from successive snapshots).
        #expect(snapshots.allSatisfy { $0["history"] == nil && $0["customer_valence"] is Double })
        // The disclosure at seq 4 opens self-harm, and the snapshots from then on say so.
        #expect((snapshots[3]["open_alerts"] as? [String])?.contains("self_harm") == true)
        #expect(messages.last?.json?["type"] as? String == "session_end")
    }
}
