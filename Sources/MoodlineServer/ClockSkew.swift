/// How far gateways' event times stray from the server's clock: the largest lead and lag of
/// accepted and refused messages' `ts` over the last minute or so (this minute and the one
/// before), for /metrics and /healthz. A gateway whose clock drifts shows here before its
/// messages start being refused as `ts_out_of_range`.
public struct ClockSkew: Sendable, Equatable {
    public static func == (a: Self, b: Self) -> Bool { a.aheadSeconds == b.aheadSeconds && a.behindSeconds == b.behindSeconds }

    /// Seconds the furthest-ahead `ts` led the wall clock (0 when none did).
    public private(set) var aheadSeconds = 0.0
    /// Seconds the furthest-behind `ts` lagged it (0 when none did).
    public private(set) var behindSeconds = 0.0
    private var minute = -Double.infinity
    private var thisMinute = (ahead: 0.0, behind: 0.0)
    private var lastMinute = (ahead: 0.0, behind: 0.0)

    public init() {}

    /// Notes one message's `ts` against the wall clock `now`.
    public mutating func observe(ts: Double, now: Double) {
        guard ts.isFinite, now.isFinite else { return }
        let minuteNow = (now / 60).rounded(.down)
        if minuteNow != minute {
            lastMinute = minuteNow == minute + 1 ? thisMinute : (0, 0)
            thisMinute = (0, 0)
            minute = minuteNow
        }
        let skew = ts - now
        if skew > 0 { thisMinute.ahead = max(thisMinute.ahead, skew) } else { thisMinute.behind = max(thisMinute.behind, -skew) }
        aheadSeconds = max(thisMinute.ahead, lastMinute.ahead)
        behindSeconds = max(thisMinute.behind, lastMinute.behind)
    }
}
