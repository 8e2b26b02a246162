import MoodlineCore
import Testing
@testable import MoodlineEngine

@Suite struct SequenceTests {
    @Test func seqMustIncrease() {
        var h = Harness()
        h.send(fragment(5, at: 0, .customer), score(0))
        h.send(fragment(4, at: 1, .customer), score(0))
        h.send(fragment(5, at: 2, .customer, text: "other"), score(0))
        #expect(h.rejections.map(\.reason) == [.seqNotIncreasing, .seqNotIncreasing])
        #expect(h.engine.counters.rejections[.seqNotIncreasing] == 2)
        #expect(h.engine.counters.fragments == 1)
    }

    @Test func anExactRepeatIsADuplicate() {
        var h = Harness()
        h.send(fragment(1, at: 0, .customer, text: "hello"), score(0))
        h.send(fragment(1, at: 0, .customer, text: "hello"), score(0))
        #expect(h.rejections.map(\.reason) == [.duplicate])
        #expect(h.engine.counters.rejections[.duplicate] == 1)
        // A repeated interim is a duplicate too; its final version is not.
        h.send(fragment(2, at: 1, .customer, text: "he", final: false), score(0))
        h.send(fragment(2, at: 1, .customer, text: "he", final: false), score(0))
        h.send(fragment(2, at: 2, .customer, text: "hello there", final: true), score(0))
        #expect(h.rejections.map(\.reason) == [.duplicate, .duplicate])
        #expect(h.engine.counters.fragments == 2)
    }

    @Test func interimRevisionsAreCapped() {
        var h = Harness { $0.interim.maxPerUtterance = 2 }
        for i in 0..<4 { h.send(fragment(1, at: Double(i), .customer, text: "rev \(i)", final: false), score(0)) }
        #expect(h.engine.counters.interimFragments == 2)
        #expect(h.engine.counters.interimDropped == 2)
        h.send(fragment(1, at: 5, .customer, text: "final", final: true), score(0))
        #expect(h.engine.counters.fragments == 1)
    }

    @Test func rejectedFragmentsDoNotTouchTheSession() {
        var h = Harness()
        h.send(fragment(3, at: 0, .customer), score(-0.9, .abuse))
        h.send(fragment(2, at: 1, .customer), score(-0.9, .escalation))
        #expect(!h.alerts.contains { $0.kind == .escalationThreat })
        #expect(h.alerts.filter { $0.kind == .abuse }.count == 1)
    }
}

@Suite struct SessionLifecycleTests {
    @Test func fragmentsStartSessionsImplicitly() {
        var h = Harness()
        h.send(fragment(1, at: 10, .customer, session: "x"), score(0))
        let snap = h.engine.snapshot(session: "x")
        #expect(snap?.agent == "a-1")
        #expect(snap?.team == "t-1")
        #expect(snap?.channel == .chat)
        #expect(h.engine.liveSessionCount == 1)
    }

    @Test func evictionEndsTheLeastRecentlyActiveWithASummary() {
        var h = Harness { $0.sessions.maxLive = 2 }
        h.send(fragment(1, at: 0, .customer, session: "a"), score(0))
        h.send(fragment(1, at: 1, .customer, session: "b"), score(0))
        h.send(fragment(2, at: 2, .customer, session: "a"), score(0))  // a is now the more recent
        h.send(fragment(1, at: 3, .customer, session: "c"), score(0))
        #expect(h.ended.map(\.session) == ["b"])
        #expect(h.ended.first?.endReason == .evicted)
        #expect(h.engine.counters.evictions == 1)
        #expect(h.engine.liveSessions == ["a", "c"])
    }

    @Test func idleSessionsExpireWithASummary() {
        var h = Harness()
        h.send(.sessionStart(SessionStart(session: "a", seq: 0, ts: 0, agent: "a-9", team: "t-2", channel: .voice)))
        h.send(fragment(1, at: 10, .customer, session: "a"), score(-0.5))
        h.send(fragment(1, at: 500, .customer, session: "b"), score(0))
        var out = EngineOutput()
        h.engine.expireIdle(now: 905, into: &out)
        #expect(out.endedSessions.isEmpty)
        h.engine.expireIdle(now: 910, into: &out)
        #expect(out.endedSessions.map(\.session) == ["a"])
        let summary = out.endedSessions[0]
        #expect(summary.endReason == .idle)
        #expect(summary.agent == "a-9")
        #expect(summary.customerFragments == 1)
        #expect(summary.customerValenceStart == -0.5)
        #expect(h.engine.liveSessionCount == 1)
        #expect(h.engine.counters.sessionsExpired == 1)
    }

    @Test func sessionEndSummarises() {
        var h = Harness()
        h.send(.sessionStart(SessionStart(session: "s-1", seq: 0, ts: 0, agent: "a-1", team: "t-1", channel: .chat)))
        h.send(fragment(1, at: 5, .customer), score(-0.5, .churn))
        h.send(fragment(2, at: 9, .agent, overlap: 1.0), score(0.2))
        h.send(.sessionEnd(SessionEnd(session: "s-1", seq: 3, ts: 12)))
        let s = h.ended.first
        #expect(s?.endReason == .ended)
        #expect(s?.fragments == 2)
        #expect(s?.alerts == ["churn_threat": 1, "customer_negative": 1])
        #expect(s?.agentInterruptions == 1)
        #expect(s?.endTs == 12)
        #expect(h.engine.liveSessionCount == 0)
    }

    @Test func snapshotsAreDueAtMostOncePerInterval() {
        var h = Harness()
        var due: [String] = []
        for (i, ts) in [0.0, 0.4, 0.9, 1.0, 1.5, 3.0].enumerated() {
            h.send(fragment(Int64(i + 1), at: ts, .customer), score(0))
            due += h.output.snapshotsDue
        }
        #expect(due.count == 3)  // at 0, 1.0 and 3.0
    }

    @Test func snapshotHistoryIsABoundedRing() {
        var h = Harness { $0.sessions.historyPoints = 4 }
        for i in 1...10 { h.send(fragment(Int64(i), at: Double(i), .customer), score(-0.1)) }
        let history = h.engine.snapshot(session: "s-1")?.history ?? []
        #expect(history.map(\.ts) == [7, 8, 9, 10])
    }

    /// A slot freed by an ended session is taken by the next one, with an empty history: the
    /// pool holds every slot's points in one buffer, and must not lend the old session's.
    @Test func aReusedSlotStartsWithAnEmptyHistory() {
        var h = Harness { $0.sessions.historyPoints = 4 }
        for i in 1...6 { h.send(fragment(Int64(i), at: Double(i), .customer, session: "old"), score(-0.1)) }
        h.send(.sessionEnd(SessionEnd(session: "old", ts: 7)))
        #expect(h.engine.snapshot(session: "old") == nil)
        h.send(fragment(1, at: 8, .customer, session: "new"), score(0.2))
        h.send(fragment(2, at: 9, .agent, session: "new"), score(0.3))
        #expect(h.engine.snapshot(session: "new")?.history.map(\.ts) == [8, 9])
        #expect(h.engine.slot(of: "new") == 0, "the test means the old session's slot")
    }

    @Test func sameStreamSameAlerts() {
        func run() -> [Alert] {
            var h = Harness()
            var seq: Int64 = 0
            for i in 0..<60 {
                seq += 1
                let speaker: Speaker = i.isMultiple(of: 3) ? .agent : .customer
                let v = Float((i * 37) % 19 - 9) / 10
                var cats: [Category] = []
                if i % 11 == 0 { cats.append(.churn) }
                if i % 17 == 0 { cats.append(.selfHarm) }
                var s = score(v, arousal: Float((i * 13) % 10) / 10)
                for c in cats { s.categories.insert(c) }
                h.send(fragment(seq, at: Double(i) * 7, speaker, session: i.isMultiple(of: 2) ? "p" : "q", overlap: 0.5, channel: .voice), s)
            }
            return h.alerts
        }
        let first = run()
        #expect(!first.isEmpty)
        #expect(first == run())
    }

    @Test func perSessionMemoryIsCompact() {
        let state = MemoryLayout<SessionState>.stride
        let history = EngineConfig().sessions.historyPoints * MemoryLayout<SessionSnapshot.Point>.stride + 4
        // Slot + its history in the pool + least-recently-active links + index buckets (8 B, at
        // most half full) + its serial and idle-queue entry (at most two while ended ones await compaction).
        let idle = MemoryLayout<UInt64>.stride + 2 * MemoryLayout<IdleQueue.Entry>.stride
        let estimate = state + history + 8 + 2 * 8 + idle
        print("per-session: SessionState \(state) B, SpeakerState \(MemoryLayout<SpeakerState>.stride) B, history \(history) B, estimate \(estimate) B")
        #expect(estimate < 4096)
    }
}

@Suite struct EngineValueSemanticsTests {
    /// Sessions live in boxes for speed; a copy of the engine must still be independent.
    @Test func aCopyOfTheEngineDoesNotSeeTheOriginalsLaterFragments() {
        var h = Harness()
        h.send(fragment(1, at: 0, .customer), score(0.5))
        let before = h.engine.snapshot(session: "s-1")
        let copy = h.engine
        h.send(fragment(2, at: 2, .customer), score(-0.9, arousal: 0.9))
        h.send(fragment(3, at: 4, .customer), score(-0.9, arousal: 0.9))
        #expect(copy.snapshot(session: "s-1") == before, "the copy keeps the state it was taken with")
        #expect(h.engine.snapshot(session: "s-1")?.fragments == 3)
        #expect(copy.snapshot(session: "s-1")?.fragments == 1)

        // And the other way round: driving the copy leaves the original alone.
        var other = Harness()
        other.engine = h.engine
        other.send(fragment(4, at: 6, .customer), score(0.9))
        #expect(h.engine.snapshot(session: "s-1")?.fragments == 3)
        #expect(other.engine.snapshot(session: "s-1")?.fragments == 4)
    }
}
