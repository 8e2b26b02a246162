import Foundation
import MoodlineWire
import Testing

/// An agent's desktop gets what an alert means and what to do, in the conversation's
/// language, on ZeroMQ; `tail --agent` prints that instead of kind names and scores.
@Suite("End to end: guidance for the agent")
struct GuidanceFeedTests {
    @Test("alerts carry plain-language guidance; tail --agent prints it", .timeLimit(.minutes(3)))
    func agentFeedCarriesGuidance() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        let server = try ServerProcess(directory: directory, context: context)
        defer { server.stop() }
        let feed = try Subscriber(context: context, endpoint: server.publish, topics: ["agent/a-7"])
        defer { feed.stop() }
        let tail = try ChildProcess(arguments: ["tail", "--agent", "a-7", "--connect", server.publish], directory: directory, name: "tail")
        defer { _ = tail.stop(signal: SIGINT, timeout: 5) }
        Thread.sleep(forTimeInterval: 0.5) // the subscriptions must be in place before anything is published
        let pusher = try Pusher(context: context, endpoint: server.ingest)
        defer { pusher.close() }

        let t0 = Date().timeIntervalSince1970
        let lines = [
            #"{"type":"session_start","session":"g-en","ts":\#(t0),"agent":"a-7","team":"t-1","channel":"chat","lang":"en"}"#,
            #"{"type":"fragment","session":"g-en","seq":1,"ts":\#(t0 + 1),"speaker":"customer","text":"You are a useless idiot and a waste of oxygen."}"#,
            #"{"type":"session_start","session":"g-hk","ts":\#(t0),"agent":"a-7","team":"t-1","channel":"chat","lang":"zh-HK"}"#,
            #"{"type":"fragment","session":"g-hk","seq":1,"ts":\#(t0 + 2),"speaker":"customer","text":"你係咪白痴呀，正一廢柴"}"#,
        ]
        for line in lines { try pusher.send(line) }
        try server.waitForReceived(lines.count)

        let alerts = { feed.messages.compactMap { $0.json?["alert"] as? [String: Any] } }
        #expect(feed.waitUntil(timeout: 15) { _ in alerts().count >= 2 }, "alerts: \(alerts().count)")
        func guidance(_ session: String) -> [String: Any]? {
            alerts().first { $0["session"] as? String == session && $0["kind"] as? String == "abuse" }?["guidance"] as? [String: Any]
        }
        #expect(guidance("g-en")?["lang"] as? String == "en")
        #expect(guidance("g-en")?["cue"] as? String == "The customer is being abusive towards you.")
        #expect(guidance("g-hk")?["lang"] as? String == "zh-Hant")
        #expect((guidance("g-hk")?["next"] as? String)?.contains("主管") == true)

        #expect(E2E.waitUntil(timeout: 10) { tail.stdout.contains("The customer is being abusive towards you.") }, "tail: \(tail.stdout)")
        #expect(tail.stdout.contains("客戶正在辱罵你"), "tail: \(tail.stdout)")
        #expect(!tail.stdout.contains("customer_negative_level"), "no scores on the agent's desktop: \(tail.stdout)")
    }
}
