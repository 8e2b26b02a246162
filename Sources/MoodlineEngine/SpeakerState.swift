import MoodlineCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One speaker's running emotion within a session: smoothed levels, a trend, and the prosody baseline.
struct SpeakerState: Sendable {
    /// Smoothed valence and arousal (fast half-life).
    var valence: Float = 0
    var arousal: Float = 0
    /// Slow averages; the trend is the fast level minus the slow one.
    var slowValence: Float = 0
    var slowArousal: Float = 0
    /// Event time of the speaker's last final fragment (or the session start).
    var lastTs: Double
    /// Final fragments of this speaker.
    var fragments: Int32 = 0
    var baseline: ProsodyBaseline

    init(startTs: Double, prosody: ProsodyBaseline.Configuration) {
        lastTs = startTs
        baseline = ProsodyBaseline(configuration: prosody)
    }

    /// Rising (positive) or falling arousal.
    var arousalTrend: Float { arousal - slowArousal }
    /// Rising (positive) or falling valence.
    var valenceTrend: Float { valence - slowValence }

    /// Folds one fragment's valence and arousal in. The weight grows with the event time since
    /// the speaker's last fragment, so levels move at the same pace per second on chat and voice;
    /// `valenceShare` scales how far the valence moves (less for a line with no feeling in it).
    mutating func update(valence v: Float, arousal a: Float, ts: Double, smoothing: EngineConfig.Smoothing, valenceShare: Float = 1) {
        let dt = max(0, ts - lastTs)
        let fast = Self.weight(dt: dt, halfLife: smoothing.halfLifeSeconds, smoothing: smoothing)
        let slow = Self.weight(dt: dt, halfLife: smoothing.trendHalfLifeSeconds, smoothing: nil)
        valence += fast * valenceShare * (v - valence)
        arousal += fast * (a - arousal)
        slowValence += slow * (v - slowValence)
        slowArousal += slow * (a - slowArousal)
        lastTs = max(lastTs, ts)
        fragments &+= 1
    }

    private static func weight(dt: Double, halfLife: Double, smoothing: EngineConfig.Smoothing?) -> Float {
        let w = 1 - exp2(-dt / max(halfLife, 1e-3))
        guard let smoothing else { return Float(max(0.05, min(w, 1))) }
        return Float(min(max(w, smoothing.minimumWeight), smoothing.maximumWeight))
    }
}
