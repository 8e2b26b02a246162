import Foundation
import MoodlineEngine
import MoodlineReplay
import MoodlineServer
import MoodlineStore
import Testing

/// `moodline tune`'s parts: verdicts as labels, and the threshold sweep.
@Suite struct FeedbackLabelsTests {
    @Test func verdictsBecomeExpectationsAndForbiddenKinds() {
        let hand = SessionExpectation(session: "a", expect: [.init(kind: "abuse", notBeforeSeq: 3, bySeq: 4)], forbid: ["churn_threat"])
        let labels = FeedbackLabels(base: [hand], judged: [
            .init(session: "a", kind: "customer_anger", seq: 6, verdict: .falseAlarm),
            .init(session: "a", kind: "abuse", seq: 3, verdict: .falseAlarm),      // contradicts the hand label
            .init(session: "a", kind: "churn_threat", seq: 9, verdict: .helpful),  // so does this
            .init(session: "b", kind: "customer_negative", seq: 4, verdict: .helpful),
            .init(session: "b", kind: "agent_stress", seq: 5, verdict: .falseAlarm),
        ])
        #expect(labels.used == 3)
        #expect(labels.conflicts == 2)
        let a = labels.expectations[0], b = labels.expectations[1]
        #expect(a.expect == hand.expect)
        #expect(a.forbid == ["churn_threat", "customer_anger"])
        #expect(b.session == "b")
        #expect(b.expect == [.init(kind: "customer_negative", notBeforeSeq: 4, bySeq: 4)])
        #expect(b.forbid == ["agent_stress"])
    }
}

@Suite(.enabled(if: Fixtures.scenariosAvailable, Fixtures.skipReason))
struct ThresholdSweepTests {
    /// Started from a poor level, the sweep moves it, the chosen level scores better on the
    /// labels, and the written file replays to exactly the chosen row.
    @Test func theSweepMovesAPoorThresholdAndTheWrittenFileReplaysToIt() throws {
        let expectations = try SessionExpectation.load(path: Fixtures.expectations)
        let start = try ServerConfiguration.load(path: nil, overrides: ["engine.rules.agent_stress.enter=0.08", "engine.rules.agent_stress.exit=0.04"])
        let sweep = ThresholdSweep(files: try RecordingFile.resolve([Fixtures.sessions]), configuration: start, expectations: expectations)
        let result = try #require(try sweep.run(kinds: [.agentStress]).first)
        #expect(result.isLabelled)
        #expect(result.rows.count >= 5)
        let current = try #require(result.rows.first { $0.enter == 0.08 })
        #expect(Set(result.rows.map(\.tally)).count > 1, "the candidates should not all score alike")
        #expect(result.chosen.enter != 0.08)
        #expect(result.chosen.f1 > current.f1)
        #expect(result.chosen.tally.falseAlarms < current.tally.falseAlarms)

        let dir = try Fixtures.temporaryDirectory()
        let path = dir + "/tuned.yaml"
        try ThresholdSweep.yaml([result], header: "test").write(toFile: path, atomically: true, encoding: .utf8)
        let tuned = try ServerConfiguration.load(path: path)
        #expect(tuned.engine.rules.agentStress.enter == result.chosen.enter)
        let replayed = try sweep.score(tuned).byKind["agent_stress"]
        #expect(replayed == result.chosen.tally)
    }

    /// Verdicts alone are labels: forbidding a kind where it fires pushes its level up.
    @Test func falseAlarmVerdictsAloneMoveTheLevel() throws {
        let files = try RecordingFile.resolve([Fixtures.sessions])
        let configuration = try ServerConfiguration.load(path: nil)
        var options = ReplayRecorder.Options()
        options.keys = .all
        var replay = Replay(files: files, configuration: configuration)
        replay.progress = false
        var recorder = try ReplayRecorder(options: options)
        _ = try replay.run(into: &recorder)
        try recorder.finish()
        let negatives = recorder.alertKeys.filter { $0.kind == "customer_negative" }
        #expect(!negatives.isEmpty)
        let labels = FeedbackLabels(base: [], judged: negatives.map { .init(session: $0.session, kind: $0.kind, seq: $0.seq, verdict: .falseAlarm) })
        let sweep = ThresholdSweep(files: files, configuration: configuration, expectations: labels.expectations)
        let result = try #require(try sweep.run(kinds: [.customerNegative]).first)
        #expect(result.chosen.enter > configuration.engine.rules.customerNegative.enter)
        #expect(result.chosen.tally.falseAlarms < negatives.count)
    }
}
