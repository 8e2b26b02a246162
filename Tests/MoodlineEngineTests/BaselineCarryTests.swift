import MoodlineCore
import Testing
@testable import MoodlineEngine

/// An agent's prosody baseline outlives the call: the next call is judged against it from the
/// first fragment, instead of waiting out a warm-up.
@Suite struct BaselineCarryTests {
    static let calm = ProsodyReading(pitchHz: 120, pitchSDHz: 15, energyDB: -22, rateSPS: 4.5)
    static let agitated = ProsodyReading(pitchHz: 165, pitchSDHz: 28, energyDB: -13, rateSPS: 6.2)

    func voice(_ seq: Int64, at ts: Double, session: String, _ reading: ProsodyReading) -> Fragment {
        Fragment(
            session: session, seq: seq, ts: ts, speaker: .agent, text: "let me check that for you one moment please",
            agent: "a-1", team: "t-1", channel: .voice, lang: "en", prosody: reading)
    }

    /// The agent's arousal after the first, agitated fragment of a second call.
    func secondCallArousal(_ configure: (inout EngineConfig) -> Void) -> Float {
        var config = EngineConfig()
        configure(&config)
        var engine = Engine(configuration: config)
        var out = EngineOutput()
        let neutral = Score(valence: 0, arousal: 0, language: .english)
        // First call: calm speech well past the warm-up, then it ends.
        for i in 1...8 { engine.handle(voice(Int64(i), at: Double(i) * 6, session: "call-1", Self.calm), score: neutral, into: &out) }
        engine.handle(.sessionEnd(SessionEnd(session: "call-1", ts: 60)), into: &out)
        #expect(out.endedSessions.last?.baselines.map(\.key) == ["agent/a-1"], "a warm baseline leaves with the summary")
        // Second call, an hour later: the first fragment is agitated.
        engine.handle(voice(1, at: 3_660, session: "call-2", Self.agitated), score: neutral, into: &out)
        return engine.currentSnapshot(session: "call-2")?.agentArousal ?? -1
    }

    @Test func aSecondCallIsJudgedAgainstTheFirstCallsBaseline() {
        let carried = secondCallArousal { _ in }
        let cold = secondCallArousal { $0.prosody.carryBaselines = false }
        // Cold, the first fragment only starts a new baseline: no prosodic arousal yet.
        #expect(cold < 0.05, "\(cold)")
        #expect(carried > cold + 0.1, "carried \(carried), cold \(cold)")
    }

    @Test func tooOldBaselinesAreNotCarried() {
        let stale = secondCallArousal { $0.prosody.carriedMaxAgeSeconds = 600 }
        #expect(stale < 0.05, "\(stale)")
    }

    @Test func theBookKeepsTheNewestAndStaysBounded() {
        var book = BaselineBook(capacity: 10, maxAgeSeconds: 100)
        var baseline = ProsodyBaseline()
        for i in 0..<10 { _ = baseline.assess(Self.calm, speechSeconds: 2 + Double(i) * 0.01) }
        let carried = try! #require(baseline.carried)
        for i in 0..<25 { book.put(.init(key: "agent/a-\(i)", baseline: carried, ts: Double(i))) }
        #expect(book.count <= 10)
        #expect(book.baseline(for: "agent/a-24", now: 30) != nil, "the newest stay")
        #expect(book.baseline(for: "agent/a-0", now: 30) == nil, "the oldest went")
        #expect(book.baseline(for: "agent/a-24", now: 200) == nil, "too old to use")
        book.put(.init(key: "agent/a-24", baseline: carried, ts: 1))
        #expect(book.baseline(for: "agent/a-24", now: 110) != nil, "an older entry does not replace a newer one")
    }
}
