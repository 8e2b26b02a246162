import Foundation
import MoodlineWire
import Testing

/// CURVE on every socket of a real `moodline serve`: only listed keys connect, each only to its
/// sockets, and a ticket change is recorded under the name of the key that made it.
@Suite("End to end: CURVE authentication")
struct CurveTests {
    static let clients: [(name: String, sockets: [String])] = [
        ("gateway-east", ["ingest"]), ("lead-ann", ["control", "publish"]), ("lead-bob", ["control"]),
    ]

    @Test("without a listed key nothing connects; the recorded actor is the key's name", .timeLimit(.minutes(2)))
    func onlyListedKeysConnect() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        let curve = try E2ECurve(clients: Self.clients)
        let server = try ServerProcess(directory: directory, context: context, curve: curve, controlAs: "lead-ann")
        defer { server.stop() }

        // Subscribers: with the right key, with a key listed only for control, with an unknown key, plain.
        let feed = try Subscriber(context: context, endpoint: server.publish, topics: ["ticket/"], curve: curve.keys("lead-ann"))
        defer { feed.stop() }
        let wrongSocket = try Subscriber(context: context, endpoint: server.publish, topics: [""], curve: curve.keys("lead-bob"))
        defer { wrongSocket.stop() }
        let stranger = try Subscriber(context: context, endpoint: server.publish, topics: [""], curve: curve.keys("mallory"))
        defer { stranger.stop() }
        let plainListener = try Subscriber(context: context, endpoint: server.publish, topics: [""])
        defer { plainListener.stop() }

        // Gateways: a plain one, an unknown key, a key listed for other sockets; then the real one.
        let ts = 1_763_900_000.0
        let forged = [Conversation.start("forged-1", ts: ts)] + Conversation.fragments("forged-1", ts: ts)
        for (i, keys) in [nil, curve.keys("mallory"), curve.keys("lead-ann")].enumerated() {
            let pusher = try Pusher(context: context, endpoint: server.ingest, sendTimeoutMilliseconds: 200, curve: keys)
            // PUSH queues locally until a handshake succeeds, which it never does: sends may time out.
            for event in forged { _ = try? pusher.send(Conversation.bytes(event)) }
            Thread.sleep(forTimeInterval: i == 2 ? 1.0 : 0.2)
            pusher.close()
        }
        #expect(try server.stats().received == 0, "no message from an unlisted key was taken")

        let gateway = try Pusher(context: context, endpoint: server.ingest, curve: curve.keys("gateway-east"))
        defer { gateway.close() }
        let events = [Conversation.start("real-1", ts: ts)] + Conversation.fragments("real-1", ts: ts)
        for event in events { try gateway.send(Conversation.bytes(event)) }
        try server.waitForReceived(events.count)
        #expect(feed.waitUntil(timeout: 10) { $0.contains { $0.topic == "ticket/critical" } }, "the listed subscriber gets the ticket")
        let tickets = try server.tickets()
        #expect(tickets.map { $0["session"] as? String } == ["real-1"], "only the listed gateway's conversation has a ticket")
        let key = try #require(tickets.first?["key"] as? String)

        // Control: keys not listed for it get no answer at all.
        #expect(try server.request(["cmd": "stats"], as: "gateway-east", timeoutMilliseconds: 1_000) == nil)
        #expect(try server.request(["cmd": "stats"], as: "mallory", timeoutMilliseconds: 1_000) == nil)
        let plain = try context.socket(.req)
        defer { plain.close() }
        try plain.set(.linger(milliseconds: 0))
        try plain.set(.receiveTimeout(milliseconds: 1_000))
        try plain.connect(server.control)
        _ = try plain.send(#"{"cmd":"ack","key":"\#(key)","by":"mallory"}"#)
        #expect(try plain.receiveBytes() == nil, "a plain socket gets no answer from a CURVE server")

        // The actor is the key's name, whatever the request claims.
        let ack = try server.request(["cmd": "ack", "key": key, "by": "Mallory"])
        #expect(ack["ok"] as? Bool == true, "\(ack)")
        #expect((ack["ticket"] as? [String: Any])?["acknowledged_by"] as? String == "lead-ann")
        let resolve = try #require(try server.request(["cmd": "resolve", "key": key, "note": "called back"], as: "lead-bob"))
        #expect((resolve["ticket"] as? [String: Any])?["resolved_by"] as? String == "lead-bob", "\(resolve)")
        let feedback = try #require(try server.request(["cmd": "feedback", "ticket": key, "verdict": "helpful"], as: "lead-bob"))
        #expect((feedback["feedback"] as? [String: Any])?["by"] as? String == "lead-bob", "\(feedback)")
        let history = try server.request(["cmd": "ticket", "key": key])["history"] as? [[String: Any]] ?? []
        #expect(history.map { $0["actor"] as? String } == [nil, "lead-ann", "lead-bob"])

        // The unlisted subscribers heard nothing, the listed one heard every change.
        #expect(feed.waitUntil(timeout: 5) { $0.filter { $0.topic == "ticket/critical" }.count >= 3 })
        #expect(wrongSocket.messages.isEmpty && stranger.messages.isEmpty && plainListener.messages.isEmpty)
        #expect(server.stderr.contains("refused a connection"), "refusals are logged")
        #expect(server.stop() == .status(0))
    }

    @Test("on plain sockets queries work but changing a ticket is refused for want of an identity", .timeLimit(.minutes(3)))
    func plainSocketsCannotChangeTickets() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        let server = try ServerProcess(directory: directory, context: context)
        defer { server.stop() }
        let pusher = try Pusher(context: context, endpoint: server.ingest)
        defer { pusher.close() }
        let ts = 1_763_900_000.0
        let events = [Conversation.start("plain-1", ts: ts)] + Conversation.fragments("plain-1", ts: ts)
        for event in events { try pusher.send(Conversation.bytes(event)) }
        try server.waitForReceived(events.count)
        #expect(try E2E.waitUntil(timeout: 10) { try server.tickets().count == 1 })
        let key = try #require(try server.tickets().first?["key"] as? String)
        for request: [String: Any] in [
            ["cmd": "ack", "key": key, "by": "lead-ann"], ["cmd": "resolve", "key": key, "by": "lead-ann"],
            ["cmd": "feedback", "ticket": key, "verdict": "helpful", "by": "lead-ann"],
        ] {
            let reply = try server.request(request)
            #expect(reply["code"] as? String == "unauthenticated", "\(request) → \(reply)")
        }
        #expect(try server.tickets().first?["status"] as? String == "open")
    }
    /// A Z85 public key may begin with "-" (about one key in 85): `--server-key` takes it as the
    /// value, not as another option.
    @Test("a server key that begins with a dash is taken as the key", .timeLimit(.minutes(3)))
    func aServerKeyMayBeginWithADash() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let made = try ChildProcess.run(["keys", "generate", "--name", "lead", "--out", "\(directory)/lead.key"], directory: directory, name: "keys")
        #expect(made.exit == .status(0), "\(made.stderr)")
        let dashKey = "-" + String(repeating: "0", count: 39)
        let run = try ChildProcess.run(
            ["tickets", "list", "--connect", "ipc://\(directory)/nobody.sock", "--timeout", "0.3", "--key", "\(directory)/lead.key", "--server-key", dashKey],
            directory: directory, name: "list")
        #expect(!run.stderr.contains("Missing value"), "\(run.stderr)")
        #expect(!run.stderr.contains("not a Z85 public key"), "\(run.stderr)")
        // No server listens there: the command gets as far as asking and says nobody answered.
        #expect(run.exit != .status(0))
    }
}
