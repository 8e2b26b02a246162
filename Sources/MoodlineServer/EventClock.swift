/// The server's clock for deadlines, escalation and idle sessions: event time, carried on
/// by the wall clock while no event arrives.
///
/// The pipeline runs on the fragments' `ts`, so a recorded stream pushed today behaves as
/// it did live; but an unacknowledged ticket must still escalate when traffic stops. So
/// "now" is the newest event time seen plus the wall time elapsed since it was seen.
public struct EventClock: Sendable {
    private var watermark: Double?
    private var wallAtWatermark: Double = 0
    private let wall: @Sendable () -> Double

    /// - Parameter wall: the wall clock, seconds since the epoch (injected for tests).
    public init(wall: @escaping @Sendable () -> Double) {
        self.wall = wall
    }

    /// Notes an event's time.
    public mutating func observe(eventTime ts: Double) {
        guard ts.isFinite else { return }
        if let w = watermark, ts <= w { return }
        watermark = ts
        wallAtWatermark = wall()
    }

    /// The wall clock itself, seconds since the epoch.
    public var wallNow: Double { wall() }

    /// The current time: the wall clock until the first event, then event time carried on by the wall clock.
    public var now: Double {
        let w = wall()
        guard let watermark else { return w }
        return watermark + max(0, w - wallAtWatermark)
    }
}
