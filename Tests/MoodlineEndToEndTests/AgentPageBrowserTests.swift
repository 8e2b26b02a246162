import Foundation
import MoodlineWire
import Testing

/// The agent's own page in a real browser: an agent token opens it, it shows that agent's
/// conversation only, the customer's mood in words, the self-harm protocol and that the
/// supervisor has been notified; no kind names, no scores; the token cannot act on tickets.
@Suite("End to end: the agent page in a browser", .serialized)
struct AgentPageBrowserTests {
    static let agentToken = "agent-e2e-token-5c1f9b27"
    static let otherAgentToken = "agent-other-token-9d4e2a61"

    @Test("an agent sees their own call, the crisis protocol and the supervisor notice, in words", .timeLimit(.minutes(3)))
    func agentPage() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let config = """
        console:
          tokens:
            - token: \(Self.agentToken)
              name: Sam (agent)
              agent: \(Conversation.agent)
            - token: \(Self.otherAgentToken)
              name: Lou (agent)
              agent: a-other
        """
        try config.write(toFile: "\(directory)/moodline.yaml", atomically: true, encoding: .utf8)
        let context = try ZMQContext()
        let server = try ServerProcess(directory: directory, arguments: ["--config", "\(directory)/moodline.yaml"], context: context)
        defer { server.stop() }
        let pusher = try Pusher(context: context, endpoint: server.ingest)
        defer { pusher.close() }
        let base = try server.consoleBase()
        let ts = Date().timeIntervalSince1970 - 60
        var count = 0
        for (session, agent) in [("mine-1", Conversation.agent), ("theirs-1", "a-other")] {
            let events = [Conversation.start(session, ts: ts, agent: agent)] + Conversation.fragments(session, ts: ts, agent: agent)
            for event in events { try pusher.send(Conversation.bytes(event)) }
            count += events.count
        }
        try server.waitForReceived(count)
        #expect(try E2E.waitUntil(timeout: 10) { try server.tickets().count == 2 })

        // Through the API first: only the agent's own, and no acting on tickets.
        let own = try HTTP.get(base + "/api/v1/tickets", token: Self.agentToken).json?["tickets"] as? [[String: Any]] ?? []
        #expect(own.compactMap { $0["session"] as? String } == ["mine-1"])
        let me = try HTTP.get(base + "/api/v1/me", token: Self.agentToken).json
        #expect(me?["agent"] as? String == Conversation.agent && me?["admin"] as? Bool == false)
        let key = try #require(own.first?["key"] as? String)
        let encoded = key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        #expect(try HTTP.post(base + "/api/v1/tickets/\(encoded)/acknowledge", token: Self.agentToken).status == 403)
        let theirs = try HTTP.get(base + "/api/v1/sessions/theirs-1", token: Self.agentToken)
        #expect(theirs.status == 404)

        let browser = try Chromium(log: "\(directory)/chromium.log")
        defer { browser.close() }
        let page = try browser.open(base + "/?token=" + Self.agentToken)
        try page.waitFor("document.querySelector('.call[data-session=\"mine-1\"]') !== null", timeout: 30)
        #expect(try page.evaluate("document.querySelector('.call[data-session=\"theirs-1\"]') === null") as? Bool == true)
        let mood = try page.evaluate("document.querySelector('.call .mood-word').textContent") as? String ?? ""
        #expect(["pleased", "calm", "neutral", "unhappy", "upset", "very upset"].contains(mood), "\(mood)")
        try page.waitFor("!document.querySelector('#crisis').hidden", timeout: 30)
        let protocolText = try page.evaluate("document.querySelector('#crisis').textContent") as? String ?? ""
        #expect(protocolText.contains("safe") && protocolText.lowercased().contains("crisis"), "\(protocolText)")
        try page.waitFor("!document.querySelector('#notified').hidden", timeout: 30)
        let cues = try page.evaluate("document.querySelectorAll('#cues .cue').length") as? Int ?? 0
        #expect(cues >= 1)
        let text = try page.evaluate("document.body.innerText") as? String ?? ""
        for word in ["self_harm", "customer_negative", "customer_anger", "agent_stress", "valence", "energy"] {
            #expect(!text.contains(word), "the agent reads words, not \(word)")
        }

        // Told that the server dropped events this page read too slowly, the page reads its
        // calls afresh: one it still shows but the server no longer tracks leaves.
        _ = try page.evaluate("""
            (() => {
              putSnapshot(Object.assign({}, state.calls.get('mine-1').snapshot, { session: 'gone-1', history: [] }));
              return true;
            })()
            """)
        #expect(try page.evaluate("document.querySelector('.call[data-session=\"gone-1\"]') !== null") as? Bool == true)
        _ = try page.evaluate("state.es.dispatchEvent(new MessageEvent('missed', { data: '{\"type\":\"missed\",\"events\":4}' })), true")
        try page.waitFor("document.querySelector('.call[data-session=\"gone-1\"]') === null && state.reloading === null", timeout: 15)
        #expect(try page.evaluate("document.querySelector('.call[data-session=\"mine-1\"]') !== null") as? Bool == true)

        // The call ends: it leaves the page, and so does its protocol.
        try pusher.send(Conversation.bytes(Conversation.end("mine-1", ts: ts + 200)))
        try page.waitFor("document.querySelector('.call[data-session=\"mine-1\"]') === null", timeout: 30)
        #expect(try page.evaluate("document.querySelector('#crisis').hidden") as? Bool == true)
        let errors = try page.evaluate("window.__agentErrors.length") as? Int ?? 0
        #expect(errors == 0, "the page raised no script errors")
        try page.screenshot(to: "\(directory)/agent.png")
    }
}
