import MoodlineServer
import Testing

/// Gateways' clock skew, as /metrics and /healthz show it: the furthest lead and lag over the
/// last minute or so.
@Suite struct ClockSkewTests {
    @Test func leadAndLagAreTheLargestOfThisMinuteAndTheLast() {
        var skew = ClockSkew()
        skew.observe(ts: 1_020, now: 1_000)    // 20 s ahead
        skew.observe(ts: 995, now: 1_001)      // 6 s behind
        skew.observe(ts: 1_003, now: 1_002)
        #expect(skew.aheadSeconds == 20 && skew.behindSeconds == 6)
        // The next minute still remembers the last one.
        skew.observe(ts: 1_061, now: 1_060)
        #expect(skew.aheadSeconds == 20)
        // Two minutes on, the old lead is forgotten.
        skew.observe(ts: 1_180, now: 1_180)
        skew.observe(ts: 1_181, now: 1_180)
        #expect(skew.aheadSeconds == 1 && skew.behindSeconds == 0)
        // Absurd values never enter.
        skew.observe(ts: .infinity, now: 1_181)
        skew.observe(ts: 1e300, now: .nan)
        #expect(skew.aheadSeconds == 1)
    }
}
