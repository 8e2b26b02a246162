import MoodlineEngine

/// How far a live message's `ts` may stray from the server's own clock. Outside the window a
/// message is rejected (`ts_out_of_range`) before it reaches the engine or the event clock,
/// so one bad gateway cannot move deadlines, escalations or idle expiry for everyone.
/// Replay has no window: recordings are old by nature.
public struct EventTimeWindow: Sendable, Equatable, Codable {
    /// Seconds `ts` may be ahead of the wall clock (gateways' clocks drift); nil: no limit.
    public var maxAheadSeconds: Double? = 300
    /// Seconds `ts` may be behind it; nil: no limit. Old times cannot move the clock (it only
    /// goes forward), and recordings pushed through `serve` are old, so only the absurd is
    /// refused: a `ts` of 0, or in seconds where milliseconds were meant the other way round.
    public var maxBehindSeconds: Double? = 10 * 365.25 * 86_400

    public init() {}

    public init(maxAheadSeconds: Double?, maxBehindSeconds: Double?) {
        self.maxAheadSeconds = maxAheadSeconds
        self.maxBehindSeconds = maxBehindSeconds
    }

    enum CodingKeys: String, CodingKey {
        case maxAheadSeconds = "max_ahead_seconds"
        case maxBehindSeconds = "max_behind_seconds"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = EventTimeWindow()
        // A key left out keeps its default; `null` turns that side off.
        maxAheadSeconds = c.contains(.maxAheadSeconds) ? try c.decodeIfPresent(Double.self, forKey: .maxAheadSeconds) : d.maxAheadSeconds
        maxBehindSeconds = c.contains(.maxBehindSeconds) ? try c.decodeIfPresent(Double.self, forKey: .maxBehindSeconds) : d.maxBehindSeconds
    }

    /// Why `ts` is refused at wall time `now`, or nil when it is inside the window.
    public func rejection(ts: Double, now: Double) -> Rejection? {
        if let ahead = maxAheadSeconds, ts > now + ahead {
            return Rejection(.tsOutOfRange, "ts is \(Self.seconds(ts - now)) ahead of the server's clock (at most \(Self.seconds(ahead)))")
        }
        if let behind = maxBehindSeconds, ts < now - behind {
            return Rejection(.tsOutOfRange, "ts is \(Self.seconds(now - ts)) behind the server's clock (at most \(Self.seconds(behind)))")
        }
        return nil
    }

    private static func seconds(_ x: Double) -> String {
        x.isFinite && abs(x) < 1e12 ? "\(Int(x.rounded())) s" : "\(x) s"
    }
}
