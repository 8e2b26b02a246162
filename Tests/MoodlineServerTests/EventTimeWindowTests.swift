import MoodlineEngine
import MoodlineWire
import Testing
@testable import MoodlineServer

/// One message with a wild `ts` must not move the clock that deadlines and expiry run on.
@Suite struct EventTimeWindowTests {
    static let wall = 1_770_000_000.0

    func pipeline(window: EventTimeWindow?) -> Pipeline {
        var p = Pipeline(engine: Engine(), store: nil, policy: .standard, clock: EventClock(wall: { Self.wall }))
        p.eventTimeWindow = window
        return p
    }

    func fragment(_ ts: Double, session: String = "s-1") -> Fragment {
        Fragment(session: session, seq: 1, ts: ts, speaker: .customer, text: "hello",
                 agent: "a-1", team: "t-1", channel: .chat, lang: "en", isFinal: true, prosody: nil)
    }

    @Test func farFutureAndAncientTimesAreRefusedAndMoveNothing() {
        var p = pipeline(window: EventTimeWindow())
        for ts in [1e300, Self.wall + 301, 0, Self.wall - 11 * 365 * 86_400] {
            let rejection = p.ingest(fragment(ts))
            #expect(rejection?.reason == .tsOutOfRange, "\(ts)")
        }
        #expect(p.counters.decodeRejections[.tsOutOfRange] == 4)
        #expect(p.clock.now == Self.wall, "the clock still reads the wall")
        #expect(p.engine.liveSessionCount == 0)
        // Inside the window, a little skew either way is a gateway's ordinary clock.
        #expect(p.ingest(fragment(Self.wall + 120, session: "s-2")) == nil)
        #expect(p.ingest(fragment(Self.wall - 300 * 86_400, session: "s-3")) == nil) // a recording pushed live
        #expect(p.engine.liveSessionCount == 2)
    }

    @Test func aNullSideHasNoLimitAndReplayHasNoWindow() {
        var open = pipeline(window: EventTimeWindow(maxAheadSeconds: nil, maxBehindSeconds: 60))
        #expect(open.ingest(fragment(1e300)) == nil)
        #expect(open.ingest(fragment(Self.wall - 61, session: "s-2"))?.reason == .tsOutOfRange)
        var replay = pipeline(window: nil)
        #expect(replay.ingest(fragment(1_000)) == nil)
    }

    @Test func theRejectionSaysHowFarAndWhatIsAllowed() {
        let rejection = EventTimeWindow().rejection(ts: Self.wall + 1_000, now: Self.wall)
        #expect(rejection?.detail == "ts is 1000 s ahead of the server's clock (at most 300 s)")
        #expect(EventTimeWindow().rejection(ts: 1e300, now: Self.wall)?.detail.contains("1e+300") == true)
    }
}
