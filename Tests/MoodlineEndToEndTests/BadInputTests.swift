import Foundation
import MoodlineStore
import MoodlineWire
import Testing

/// Every kind of bad input the wire schema names, pushed into a running server between the
/// fragments of a real conversation: each is counted under its reason, the conversation's
/// alerts still arrive, and the server keeps answering.
@Suite("End to end: bad input")
struct BadInputTests {
    static let session = "bad-1"
    static let ts = 1_763_800_000.0

    /// A fragment of `session` as raw members, so a test can drop or change one.
    static func members(seq: Int, text: String = "Just checking in about my order.") -> [(String, String)] {
        [
            ("type", #""fragment""#), ("session", "\"\(session)\""), ("seq", "\(seq)"), ("ts", "\(ts + Double(seq))"),
            ("speaker", #""customer""#), ("text", "\"\(text)\""), ("final", "true"),
        ]
    }

    static func json(_ members: [(String, String)]) -> String {
        "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    static func replacing(_ name: String, with value: String, seq: Int = 99) -> String {
        json(members(seq: seq).map { $0.0 == name ? ($0.0, value) : $0 })
    }

    static func without(_ name: String, seq: Int = 99) -> String {
        json(members(seq: seq).filter { $0.0 != name })
    }

    @Test("each bad message is rejected and counted under its reason; the conversation still alerts", .timeLimit(.minutes(2)))
    func badInputIsCountedAndHarmless() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        let server = try ServerProcess(directory: directory, arguments: ["--set", "rejection_logs_per_minute=3"], context: context)
        defer { server.stop() }
        let subscriber = try Subscriber(context: context, endpoint: server.publish, topics: ["agent/", "ticket/", "team/"])
        defer { subscriber.stop() }
        let pusher = try Pusher(context: context, endpoint: server.ingest)

        let session = Self.session
        let valid = [Conversation.start(session, ts: Self.ts)] + Conversation.fragments(session, ts: Self.ts)
        let validBytes = valid.map(Conversation.bytes)

        // Bad messages, each with the reason it must be counted under.
        var bad: [(reason: String, bytes: [UInt8])] = []
        func add(_ reason: String, _ text: String) { bad.append((reason, Array(text.utf8))) }
        add("bad_json", "not json at all")
        add("bad_json", #"{"type":"fragment","session":"bad-1","seq":1,"ts":"#)
        add("bad_json", #"[{"session":"bad-1","seq":1}]"#)
        add("bad_json", "")
        add("bad_json", #"{"session":"bad-1","session":"bad-2","seq":99,"ts":1,"speaker":"agent","text":"twice"}"#)
        var invalidUTF8 = Array(Self.json(Self.members(seq: 99, text: "caf_")).utf8)
        invalidUTF8[invalidUTF8.firstIndex(of: UInt8(ascii: "_"))!] = 0xC3 // a lead byte with no continuation
        invalidUTF8.insert(0x28, at: invalidUTF8.firstIndex(of: 0xC3)! + 1)
        bad.append(("invalid_utf8", invalidUTF8))
        bad.append(("invalid_utf8", [0xFF, 0xFE] + Array(#"{"session":"x"}"#.utf8)))
        add("invalid_utf8", Self.json(Self.members(seq: 99, text: #"lone \ud800 surrogate"#)))
        add("wrong_type", Self.replacing("seq", with: #""3""#))
        add("wrong_type", Self.replacing("ts", with: #""yesterday""#))
        add("wrong_type", Self.replacing("text", with: "42"))
        add("wrong_type", Self.replacing("final", with: #""yes""#))
        add("wrong_type", Self.replacing("seq", with: "1.5"))
        for field in ["session", "seq", "ts", "speaker", "text"] {
            add("missing_field", Self.without(field))
        }
        add("unknown_type", Self.replacing("type", with: #""heartbeat""#))
        add("unknown_speaker", Self.replacing("speaker", with: #""supervisor""#))
        add("oversized", Self.json(Self.members(seq: 99, text: String(repeating: "long text ", count: 900)))) // 9,000-byte text
        add("oversized", Self.json(Self.members(seq: 99, text: String(repeating: "x", count: 70_000)))) // 70 KB message
        let expected = Dictionary(grouping: bad, by: \.reason).mapValues(\.count)

        // Interleave: the start and a valid fragment, then one bad message after each valid one.
        var sent = 0
        var badIndex = 0
        for (index, bytes) in validBytes.enumerated() {
            try pusher.send(bytes)
            sent += 1
            // After seq 3: seq backwards, seq repeated with new text, and an exact duplicate of seq 3.
            if index == 3 {
                try pusher.send(Self.json(Self.members(seq: 2, text: "Going backwards.")))
                try pusher.send(Self.json(Self.members(seq: 3, text: "Same seq, different words.")))
                try pusher.send(bytes)
                sent += 3
            }
            let share = index == validBytes.count - 1 ? bad.count - badIndex : min(4, bad.count - badIndex)
            for _ in 0..<share {
                try pusher.send(bad[badIndex].bytes)
                badIndex += 1
                sent += 1
            }
        }
        #expect(badIndex == bad.count)
        try server.waitForReceived(sent)

        #expect(subscriber.waitUntil(timeout: 10) { messages in
            messages.contains { PublishedAlert($0)?.kind == "self_harm" }
        }, "the self-harm disclosure between the bad messages raised no alert")
        #expect(subscriber.waitForQuiet(0.5, timeout: 10))

        let stats = try server.stats()
        var want = expected
        want["seq_not_increasing"] = 2
        want["duplicate"] = 1
        for reason in ["bad_json", "invalid_utf8", "wrong_type", "missing_field", "unknown_type", "unknown_speaker", "oversized", "seq_not_increasing", "duplicate"] {
            #expect(stats.rejections[reason] == want[reason] ?? 0, "rejections[\(reason)] is \(stats.rejections[reason] ?? -1), expected \(want[reason] ?? 0)")
        }
        #expect(stats.received == sent)
        #expect(stats.totalRejections == bad.count + 3)
        #expect(stats.fragments == 6, "exactly the six valid fragments were accepted")
        #expect(stats.liveSessions == 1, "no bad message started a session")

        let sessions = try server.request(#"{"cmd":"sessions"}"#)
        let live = sessions["sessions"] as? [[String: Any]] ?? []
        #expect(live.map { $0["session"] as? String } == [session])
        #expect(live.first?["fragments"] as? Int == 6)

        let alerts = subscriber.messages.filter { $0.topic.hasPrefix("agent/") }.compactMap(PublishedAlert.init)
        let selfHarm = alerts.filter { $0.kind == "self_harm" }
        #expect(selfHarm.count == 1)
        #expect(selfHarm.first?.seq == Int(Conversation.disclosureSeq))
        #expect(selfHarm.first?.speaker == "customer")
        #expect(selfHarm.first?.severity == "critical")
        #expect(selfHarm.first?.session == session)
        #expect(alerts.allSatisfy { $0.session == session }, "alerts for sessions that only bad messages named: \(alerts)")
        let tickets = subscriber.messages.filter { $0.topic == "ticket/critical" }.compactMap(PublishedTicket.init)
        #expect(tickets.map(\.action) == ["created"])
        #expect(tickets.first?.kind == "self_harm")
        #expect(subscriber.messages.contains { $0.topic == "team/\(Conversation.team)" && PublishedAlert($0)?.kind == "self_harm" })

        // The session still ends normally after all that.
        try pusher.send(Conversation.bytes(Conversation.end(session, ts: Self.ts)))
        try server.waitForReceived(sent + 1)
        #expect(subscriber.waitUntil(timeout: 10) { messages in
            messages.contains { $0.topic == "team/\(Conversation.team)" && $0.json?["type"] as? String == "session_end" }
        }, "no session_end summary on the team topic")
        #expect(try server.stats().liveSessions == 0)

        // Rejections are logged, rate-limited per reason (3 a minute here), never silently.
        let log = server.stderr
        let badJSONLines = log.split(separator: "\n").filter { $0.contains("rejected message") && $0.contains("bad_json") }
        #expect(badJSONLines.count == 3, "5 bad_json rejections at 3 a minute should log 3 lines, logged \(badJSONLines.count)")
        for reason in ["invalid_utf8", "wrong_type", "missing_field", "unknown_type", "unknown_speaker", "oversized", "seq_not_increasing", "duplicate"] {
            #expect(log.contains(reason), "no log line for a \(reason) rejection")
        }

        #expect(server.isRunning)
        pusher.close()
        let exit = server.stop()
        #expect(exit == .status(0), "serve stopped with \(exit); stderr:\n\(server.child.stderrTail)")
    }

    @Test("bad control requests get ok:false with a code, and the server keeps running", .timeLimit(.minutes(3)))
    func badControlRequests() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        let server = try ServerProcess(directory: directory, context: context)
        defer { server.stop() }

        let cases: [(request: String, code: String)] = [
            ("not json", "bad_json"),
            ("", "bad_json"),
            ("[1,2,3]", "bad_json"),
            (#"{"command":"stats"}"#, "missing_field"),
            (#"{"cmd":42}"#, "missing_field"),
            (#"{"cmd":"reboot"}"#, "unknown_command"),
            // Plain sockets carry no identity: changes are refused before anything is looked up.
            (#"{"cmd":"ack","key":"no-such/self_harm/1","by":"lead"}"#, "unauthenticated"),
            (#"{"cmd":"resolve","key":"no-such/self_harm/1","by":"lead"}"#, "unauthenticated"),
            (#"{"cmd":"ticket","key":"no-such/self_harm/1"}"#, "not_found"),
            (#"{"cmd":"ack","key":"no-such/self_harm/1"}"#, "unauthenticated"),
            (#"{"cmd":"ack","by":"lead"}"#, "missing_field"),
            (#"{"cmd":"tickets","status":"closed"}"#, "wrong_type"),
            (#"{"cmd":"tickets","team":5}"#, "wrong_type"),
            (#"{"cmd":"tickets","limit":"10"}"#, "wrong_type"),
            (#"{"cmd":"tickets","limit":0}"#, "wrong_type"),
            (#"{"cmd":"tickets","teem":"t-1"}"#, "unknown_field"),
            (#"{"cmd":"sessions","team":5}"#, "wrong_type"),
            (#"{"cmd":"sessions","limit":100000}"#, "wrong_type"),
            (#"{"cmd":"sessions","agent":"a-1"}"#, "unknown_field"),
            (#"{"cmd":"stats","verbose":true}"#, "unknown_field"),
            (#"{"cmd":"tickets","severity":"urgent"}"#, "wrong_type"),
            (#"{"cmd":"session","session":"nobody"}"#, "not_found"),
        ]
        for (request, code) in cases {
            let reply = try server.request(request)
            #expect(reply["ok"] as? Bool == false, "\(request) → \(reply)")
            #expect(reply["code"] as? String == code, "\(request) → \(reply)")
            #expect((reply["error"] as? String)?.isEmpty == false, "\(request) → \(reply) has no error message")
        }
        let stats = try server.stats()
        #expect(stats.received == 0, "control requests are not ingest messages")
        #expect(server.isRunning)
        let exit = server.stop(signal: SIGTERM)
        #expect(exit == .status(0), "serve stopped with \(exit) on SIGTERM; stderr:\n\(server.child.stderrTail)")
    }

    @Test("a control request of two frames is refused, and the server keeps running", .timeLimit(.minutes(3)))
    func multipartControlRequest() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        let server = try ServerProcess(directory: directory, context: context)
        defer { server.stop() }

        let client = try context.socket(.req)
        defer { client.close() }
        try client.set(.linger(milliseconds: 0))
        try client.set(.receiveTimeout(milliseconds: 3000))
        try client.connect(server.control)
        try client.send(#"{"cmd":"stats"}"#, flags: .more)
        try client.send("a second frame")
        let reply = try client.receiveBytes()

        // A request must be one frame: the server refuses the rest and keeps serving.
        #expect(reply.flatMap(E2E.object)?["ok"] as? Bool == false, "expected a refusal, got \(reply.map { String(decoding: $0, as: UTF8.self) } ?? "no reply")")
        #expect(E2E.waitUntil(timeout: 0.5) { !server.isRunning } == false, "the server exited: \(server.child.exit); stderr:\n\(server.child.stderrTail)")
        #expect(try server.stats().received == 0, "the server still answers")
    }

    @Test("an ingest message of several frames is refused whole, never taken frame by frame", .timeLimit(.minutes(3)))
    func multipartIngestMessage() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        let server = try ServerProcess(directory: directory, context: context)
        defer { server.stop() }
        let pusher = try Pusher(context: context, endpoint: server.ingest)
        defer { pusher.close() }

        let start = Conversation.bytes(Conversation.start("multi-1", ts: Self.ts))
        let fragment = Conversation.bytes(Conversation.fragments("multi-1", ts: Self.ts)[0])
        // Two frames that would each be a valid message on its own.
        try pusher.socket.send(start, flags: .more)
        try pusher.socket.send(fragment)
        try pusher.send(start)
        try server.waitForReceived(2)
        let stats = try server.stats()
        #expect(stats.rejections["multipart"] == 1, "\(stats.rejections)")
        #expect(stats.received == 2, "one multipart message and one good one")
        #expect(stats.fragments == 0, "no frame of the multipart message was taken as a fragment")
        #expect(stats.liveSessions == 1, "the good session_start after it was taken")
    }

    @Test("a 256 MiB ingest message never enters the server's memory; the sender's next connection is served", .timeLimit(.minutes(2)))
    func hugeIngestMessageStaysOut() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        let server = try ServerProcess(directory: directory, arguments: ["--no-console"], context: context)
        defer { server.stop() }
        let before = try #require(Self.peakResidentKilobytes(pid: server.child.pid))

        let huge = try Pusher(context: context, endpoint: server.ingest, sendTimeoutMilliseconds: 20_000)
        try huge.send([UInt8](repeating: 0x7B, count: 256 << 20))
        Thread.sleep(forTimeInterval: 3)
        huge.close()
        let pusher = try Pusher(context: context, endpoint: server.ingest)
        defer { pusher.close() }
        try pusher.send(Conversation.bytes(Conversation.start("after-1", ts: Self.ts)))
        try server.waitForReceived(1)

        let after = try #require(Self.peakResidentKilobytes(pid: server.child.pid))
        #expect(after - before < 32 * 1024, "peak RSS grew \((after - before) / 1024) MiB")
        let stats = try server.stats()
        #expect(stats.received == 1 && stats.liveSessions == 1, "the huge message was never read; the next was")
        #expect(server.isRunning)
    }

    /// The process's peak resident set (VmHWM), in KiB.
    static func peakResidentKilobytes(pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
}
