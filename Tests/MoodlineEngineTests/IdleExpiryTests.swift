import MoodlineCore
import Testing
@testable import MoodlineEngine

/// Idle expiry runs on each session's own last event time, not on the order sessions arrived in.
@Suite struct IdleExpiryTests {
    /// Sweeps at `now` and returns who ended, in order.
    static func expire(_ h: inout Harness, at now: Double) -> [SessionSummary] {
        var out = EngineOutput()
        h.engine.expireIdle(now: now, into: &out)
        return out.endedSessions
    }

    @Test func aSessionFarAheadDoesNotHoldBackOlderOnes() {
        var h = Harness()  // idle_timeout_seconds: 900
        // A gateway with a clock an hour fast opens first; the list by arrival has it oldest.
        h.send(fragment(1, at: 3_600, .customer, session: "fast-clock"), score(0))
        h.send(fragment(1, at: 0, .customer, session: "a"), score(0))
        h.send(fragment(1, at: 10, .customer, session: "b"), score(0))
        let ended = Self.expire(&h, at: 950)
        #expect(ended.map(\.session) == ["a", "b"])
        #expect(ended.allSatisfy { $0.endReason == .idle })
        #expect(h.engine.liveSessions == ["fast-clock"])
        #expect(Self.expire(&h, at: 4_499).isEmpty)
        #expect(Self.expire(&h, at: 4_500).map(\.session) == ["fast-clock"])
    }

    @Test func sessionsExpireInOrderOfTheirOwnLastEventTimes() {
        var h = Harness()
        // Arrival order c, a, d, b; last event times a 10 < b 20 < c 30 < d 40.
        h.send(fragment(1, at: 30, .customer, session: "c"), score(0))
        h.send(fragment(1, at: 5, .customer, session: "a"), score(0))
        h.send(fragment(1, at: 40, .customer, session: "d"), score(0))
        h.send(fragment(1, at: 20, .customer, session: "b"), score(0))
        h.send(fragment(2, at: 10, .customer, session: "a"), score(0))
        // A late message with an older ts (another gateway's clock) does not move c back.
        h.send(fragment(2, at: 1, .agent, session: "c"), score(0))
        #expect(h.engine.liveSessions == ["d", "b", "a", "c"], "the recency list is by arrival")

        #expect(Self.expire(&h, at: 919).map(\.session) == ["a"])
        let rest = Self.expire(&h, at: 2_000)
        #expect(rest.map(\.session) == ["b", "c", "d"])
        #expect(rest.map(\.endTs) == [20, 30, 40])
    }

    @Test func equalLastEventTimesExpireInTheOrderTheSessionsOpened() {
        var h = Harness()
        for id in ["q", "p", "s", "r"] { h.send(fragment(1, at: 100, .customer, session: id), score(0)) }
        h.send(fragment(2, at: 100, .agent, session: "s"), score(0))  // touched, same time
        #expect(Self.expire(&h, at: 1_000).map(\.session) == ["q", "p", "s", "r"])
    }

    @Test func aSessionTouchedAgainIsNotExpiredEarly() {
        var h = Harness()
        h.send(.sessionStart(SessionStart(session: "a", seq: 0, ts: 0, agent: "a-1", team: "t-1", channel: .voice)))
        h.send(fragment(1, at: 800, .customer, session: "a"), score(0))
        #expect(Self.expire(&h, at: 1_000).isEmpty, "idle since 800, not since it opened at 0")
        #expect(Self.expire(&h, at: 1_699).isEmpty)
        let ended = Self.expire(&h, at: 1_700)
        #expect(ended.map(\.session) == ["a"])
        #expect(ended.first?.endTs == 800)

        // A repeated session_start counts as activity too.
        h.send(fragment(1, at: 2_000, .customer, session: "b"), score(0))
        h.send(.sessionStart(SessionStart(session: "b", seq: 2, ts: 2_500)))
        #expect(Self.expire(&h, at: 3_399).isEmpty)
        #expect(Self.expire(&h, at: 3_400).map(\.session) == ["b"])
    }

    /// One sweep re-queues a session whose messages moved it on, and still expires it in its
    /// turn when its newer time is idle too.
    @Test func aRequeuedSessionKeepsItsPlaceInTheSameSweep() {
        var h = Harness()
        h.send(fragment(1, at: 0, .customer, session: "a"), score(0))
        h.send(fragment(1, at: 20, .customer, session: "b"), score(0))
        h.send(fragment(2, at: 50, .customer, session: "a"), score(0))
        h.send(fragment(1, at: 100, .customer, session: "c"), score(0))
        #expect(Self.expire(&h, at: 960).map(\.session) == ["b", "a"])
        #expect(h.engine.liveSessions == ["c"])
    }

    @Test func endedAndEvictedSessionsLeaveNoStaleExpiry() {
        var h = Harness { $0.sessions.maxLive = 2 }
        h.send(fragment(1, at: 0, .customer, session: "x"), score(0))
        h.send(.sessionEnd(SessionEnd(session: "x", ts: 5)))
        // The same id again, in the same slot, much later: the first x's entry must not end it.
        h.send(fragment(1, at: 800, .customer, session: "x"), score(0))
        #expect(h.engine.slot(of: "x") == 0, "the test means the ended session's slot")
        #expect(Self.expire(&h, at: 905).isEmpty)

        h.send(fragment(1, at: 810, .customer, session: "y"), score(0))
        h.send(fragment(1, at: 820, .customer, session: "z"), score(0))  // evicts x
        #expect(h.ended.map { "\($0.session) \($0.endReason.rawValue)" } == ["x ended", "x evicted"])
        let idle = Self.expire(&h, at: 5_000)
        #expect(idle.map(\.session) == ["y", "z"], "x is reported once, evicted, never again as idle")
        #expect(h.engine.counters.sessionsExpired == 2)
        #expect(h.engine.liveSessionCount == 0)
    }

    /// Sessions that end keep no entries behind: the queue is compacted as they pile up.
    @Test func staleEntriesDoNotPileUp() {
        var h = Harness()
        for i in 0..<10 { h.send(fragment(1, at: 0, .customer, session: "stays-\(i)"), score(0)) }
        var seq: Int64 = 0
        for i in 0..<5_000 {
            seq += 1
            h.send(fragment(seq, at: 1, .customer, session: "brief-\(i)"), score(0))
            h.send(.sessionEnd(SessionEnd(session: "brief-\(i)", ts: 2)))
            #expect(h.engine.idle.entryCount <= 2 * h.engine.liveSessionCount + 64)
        }
        #expect(h.engine.liveSessionCount == 10)
        #expect(Self.expire(&h, at: 900).count == 10)
        #expect(h.engine.idle.entryCount == 0)
    }

    /// Random traffic with skewed and far-ahead clocks, session ends, restarts of ended ids and
    /// evictions at the cap, checked step by step against a plain model of the rules.
    @Test(arguments: [UInt64(1), 7, 2024])
    func agreesWithABruteForceModel(seed: UInt64) {
        let timeout = 100.0, maxLive = 40
        var h = Harness {
            $0.sessions.idleTimeoutSeconds = timeout
            $0.sessions.maxLive = maxLive
        }
        var model = IdleModel(timeout: timeout, maxLive: maxLive)
        var random = SplitMix(seed: seed)
        var clock = 1_000.0, seq: Int64 = 0

        for step in 0..<20_000 {
            clock += Double(random.next() % 100) / 50
            let id = "s-\(random.next() % 120)"
            let roll = random.next() % 100
            h.ended.removeAll()
            switch roll {
            case 0..<80:
                // Mostly near the clock; some late, a few far ahead.
                let skew: Double = switch random.next() % 50 {
                case 0: 3_000
                case 1...5: -Double(random.next() % 90)
                default: Double(random.next() % 11) - 5
                }
                seq += 1
                h.send(fragment(seq, at: clock + skew, .customer, session: id), score(0))
                model.message(id, ts: clock + skew)
            case 80..<85:
                seq += 1
                h.send(.sessionStart(SessionStart(session: id, seq: seq, ts: clock)))
                model.message(id, ts: clock)
            case 85..<92:
                h.send(.sessionEnd(SessionEnd(session: id, ts: clock)))
                model.end(id, ts: clock)
            default:
                let idle = Self.expire(&h, at: clock)
                h.ended += idle
                model.expire(now: clock)
            }
            let engineEnded = h.ended.map { "\($0.session) \($0.endReason.rawValue) \($0.endTs)" }
            guard engineEnded == model.ended, Set(h.engine.liveSessions) == Set(model.live.keys) else {
                Issue.record("step \(step): engine \(engineEnded), model \(model.ended)")
                return
            }
            model.ended.removeAll()
        }
        #expect(h.engine.counters.sessionsExpired > 200, "the run exercised expiry")
        #expect(h.engine.counters.evictions > 0, "and the cap")
    }
}

/// The idle and eviction rules written the obvious way: every sweep looks at every session.
private struct IdleModel {
    struct Session {
        var lastTs: Double
        var opened: Int
    }

    let timeout: Double
    let maxLive: Int
    var live: [String: Session] = [:]
    /// Least recently active first, by arrival.
    var recency: [String] = []
    var opened = 0
    var ended: [String] = []

    mutating func message(_ id: String, ts: Double) {
        if var session = live[id] {
            session.lastTs = max(session.lastTs, ts)
            live[id] = session
            recency.removeAll { $0 == id }
        } else {
            while live.count >= maxLive, !recency.isEmpty {
                let victim = recency.removeFirst()
                if let session = live.removeValue(forKey: victim) { ended.append("\(victim) evicted \(session.lastTs)") }
            }
            opened += 1
            live[id] = Session(lastTs: ts, opened: opened)
        }
        recency.append(id)
    }

    mutating func end(_ id: String, ts: Double) {
        guard let session = live.removeValue(forKey: id) else { return }
        recency.removeAll { $0 == id }
        ended.append("\(id) ended \(max(ts, session.lastTs))")
    }

    mutating func expire(now: Double) {
        let idle = live.filter { now - $0.value.lastTs >= timeout }
            .sorted { ($0.value.lastTs, $0.value.opened) < ($1.value.lastTs, $1.value.opened) }
        for (id, session) in idle {
            ended.append("\(id) idle \(session.lastTs)")
            live[id] = nil
            recency.removeAll { $0 == id }
        }
    }
}

/// A small seeded generator, so a failing run can be repeated.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D4_CE4B_1331_11EB
        return z ^ (z >> 31)
    }
}
